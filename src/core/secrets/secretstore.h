#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>

namespace hookbench {

class SecretFile;

// Secret values in the OS keychain (QtKeychain; Secret Service on Linux); where no keychain
// answers, a file only the user can read (0600) in the app's data folder, and the store says so.
class SecretStore : public QObject
{
    Q_OBJECT
public:
    enum class Backend { Keychain, File };
    struct Options
    {
        QString service = QStringLiteral("Hookbench"); // keychain service / collection label
        QString fallbackPath;                          // default: <AppDataLocation>/secrets.json
        int timeoutMs = 5000; // per keychain job: a locked collection can prompt and hang headless
        bool useKeychain = true; // false: file only (tests, --no-keychain)
    };
    explicit SecretStore(QObject *parent = nullptr); // default Options
    explicit SecretStore(Options options, QObject *parent = nullptr);
    ~SecretStore() override;
    using Done = std::function<void(const QString &error)>; // empty error = success
    using ReadDone = std::function<void(const QByteArray &secret, const QString &error)>;
    // Each call completes exactly once, later (never inside the call), on this object's thread.
    // Names are like "webhook-key/default/1a2b3c4d5e6f" or "sdk-key/123456".
    void write(const QString &name, const QByteArray &secret, Done done);
    void read(const QString &name, ReadDone done); // not found: error "no secret named …"
    void remove(const QString &name, Done done);   // removing a missing secret is not an error
    Backend backend() const;
    QString fallbackReason() const; // why the file is used ("no session bus", "keychain did not
                                    // answer within 5 s", …); empty on Keychain
    QString fallbackPath() const;
    // For the CLI: run the event loop until `done` ran or timeoutMs*2 passed.
    QString writeSync(const QString &name, const QByteArray &secret);
    QString readSync(const QString &name, QByteArray *secret);
    QString removeSync(const QString &name);
Q_SIGNALS:
    void backendChanged(hookbench::SecretStore::Backend backend, const QString &reason);

private:
    struct SyncWait;
    void post(std::function<void()> work);
    void fallBack(const QString &reason);
    QString unavailableReason(const QString &keychainError) const;
    void readFromFile(const QString &name, const ReadDone &done);
    void readUnfound(const QString &name, const ReadDone &done); // the keychain had none
    QString waitFor(const std::shared_ptr<SyncWait> &wait);

    Options m_options;
    Backend m_backend = Backend::Keychain;
    QString m_reason;
    std::unique_ptr<SecretFile> m_file;
};

} // namespace hookbench
