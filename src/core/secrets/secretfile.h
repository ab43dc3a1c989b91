#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QMap>
#include <QString>

namespace hookbench {

// The fallback store: one JSON object (name -> base64 secret) in a file only the user can read.
// Every call reads the file afresh, so two stores (GUI and CLI) see each other's writes.
// Errors name the file and never contain a secret.
class SecretFile
{
    Q_DECLARE_TR_FUNCTIONS(SecretFile)

public:
    explicit SecretFile(QString path);

    QString path() const { return m_path; }
    bool exists() const;

    QString write(const QString &name, const QByteArray &secret);
    QString read(const QString &name, QByteArray *secret, bool *found) const;
    // *removed tells whether the file held the name; a missing file or name is not an error.
    QString remove(const QString &name, bool *removed = nullptr);

private:
    using Secrets = QMap<QString, QByteArray>;
    QString load(Secrets *secrets) const;
    QString save(const Secrets &secrets);
    QString ensureFolder() const;

    QString m_path;
};

} // namespace hookbench
