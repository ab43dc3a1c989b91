#pragma once

#include "endpointstore.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

namespace hookbench {

class SecretStore;
struct EndpointRename;

// The endpoints of one event database for the window and the CLI: the list (re-read when
// another process changes it), and the operations that also touch secrets named after an
// endpoint ("webhook-key/<name>/<id>", "sdk-key/<name>") in SecretStore.
class EndpointDirectory : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const QString &error)>; // empty error = success

    // `secrets` is not owned and must outlive the directory.
    explicit EndpointDirectory(SecretStore *secrets, QObject *parent = nullptr);
    ~EndpointDirectory() override;

    QString open(const QString &databasePath); // empty string on success
    void close();
    bool isOpen() const { return m_store.isOpen(); }
    QString databasePath() const { return m_store.path(); }

    QList<Endpoint> endpoints() const { return m_endpoints; } // default first
    std::optional<Endpoint> endpoint(const QString &name) const;
    // Events stored per endpoint name, read now (an index range each).
    QHash<QString, qint64> eventCounts(QString *error = nullptr) const;

    // Database only: immediate, `changed()` follows on success.
    QString add(const Endpoint &endpoint);
    QString update(const Endpoint &endpoint);
    // Moves the endpoint's secrets to the new name first (read, write), then renames it in the
    // database in one transaction, then removes the old secrets. On any failure before the
    // commit nothing has changed (copies written so far are removed again).
    void rename(const QString &from, const QString &to, Done done);
    // Removes it from the database (see EndpointStore::remove), then its secrets.
    void remove(const QString &name, bool keepEvents, Done done);
    // The same, waiting in a local event loop (for the CLI).
    QString renameSync(const QString &from, const QString &to);
    QString removeSync(const QString &name, bool keepEvents);

public Q_SLOTS:
    void refresh(); // re-read now (normally automatic, when the database changed)

Q_SIGNALS:
    void changed(); // the list or any endpoint's settings changed

private:
    void watch();
    // The steps of rename(): copy each secret, then the database, else take the copies back.
    void copyNextSecret(const std::shared_ptr<EndpointRename> &rename);
    void commitRename(const std::shared_ptr<EndpointRename> &rename);
    void undoRename(const std::shared_ptr<EndpointRename> &rename, const QString &error);

    SecretStore *m_secrets;
    EndpointStore m_store;
    QList<Endpoint> m_endpoints;
    qint64 m_dataVersion = -1;
    QTimer m_watchTimer;
};

} // namespace hookbench
