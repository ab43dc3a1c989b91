#include "secrets/secretstore.h"

#include "secrets/keychaincall.h"
#include "secrets/keychainlock.h"
#include "secrets/secretfile.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QEventLoop>
#include <QStandardPaths>
#include <QTimer>

#include <qt6keychain/keychain.h>

namespace hookbench {

SecretStore::SecretStore(QObject *parent)
    : SecretStore(Options{}, parent)
{}

SecretStore::SecretStore(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    if (m_options.fallbackPath.isEmpty())
        m_options.fallbackPath = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                                 QStringLiteral("/secrets.json");
    m_file = std::make_unique<SecretFile>(m_options.fallbackPath);
    if (!m_options.useKeychain) {
        m_backend = Backend::File;
        m_reason = tr("the keychain is turned off");
    }
}

// Pending keychain calls are children of this object (see runKeychainJob): destroying the store
// drops their callbacks; the jobs themselves finish and delete themselves later.
SecretStore::~SecretStore() = default;

SecretStore::Backend SecretStore::backend() const
{
    return m_backend;
}

QString SecretStore::fallbackReason() const
{
    return m_reason;
}

QString SecretStore::fallbackPath() const
{
    return m_options.fallbackPath;
}

void SecretStore::post(std::function<void()> work)
{
    QMetaObject::invokeMethod(this, std::move(work), Qt::QueuedConnection);
}

void SecretStore::fallBack(const QString &reason)
{
    if (m_backend == Backend::File)
        return;
    m_backend = Backend::File;
    m_reason = reason;
    Q_EMIT backendChanged(m_backend, m_reason);
}

QString SecretStore::unavailableReason(const QString &keychainError) const
{
    // Only on this failure path: it connects synchronously, but a bus that just failed us
    // answers (or refuses) at once.
    const QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return tr("no session bus (%1)").arg(keychainError);
    if (!bus.interface()->isServiceRegistered(QStringLiteral("org.freedesktop.secrets")))
        return tr("no Secret Service on the session bus (%1)").arg(keychainError);
    return tr("keychain unavailable: %1").arg(keychainError);
}

void SecretStore::readFromFile(const QString &name, const ReadDone &done)
{
    QByteArray secret;
    bool found = false;
    QString error;
    if (m_file->exists())
        error = m_file->read(name, &secret, &found);
    if (error.isEmpty() && !found)
        error = tr("no secret named \"%1\"").arg(name);
    done(secret, error);
}

void SecretStore::readUnfound(const QString &name, const ReadDone &done)
{
    readFromFile(name, [this, name, done](const QByteArray &secret, const QString &error) {
        if (error.isEmpty())
            return done(secret, error);
        // Not in the file either: a locked keychain may be hiding it, which "no secret named"
        // would misstate.
        askDefaultCollectionLocked(this, m_options.timeoutMs, [name, error, done](bool locked) {
            done({}, locked ? tr("The keychain is locked, so the secret \"%1\" cannot be read: "
                                 "unlock it (log in to the desktop session, or run "
                                 "gnome-keyring-daemon --unlock) and try again")
                                  .arg(name)
                            : error);
        });
    });
}

void SecretStore::write(const QString &name, const QByteArray &secret, Done done)
{
    if (name.isEmpty()) {
        post([done] { done(tr("A secret needs a name")); });
        return;
    }
    if (m_backend == Backend::File) {
        post([this, name, secret, done] { done(m_file->write(name, secret)); });
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(m_options.service);
    job->setKey(name);
    job->setBinaryData(secret);
    runKeychainJob(
        job, this, m_options.timeoutMs, [this, name, secret, done](const KeychainOutcome &outcome) {
            switch (outcome.kind) {
            case KeychainOutcome::Ok:
                // An older copy written while the keychain was away goes: the
                // keychain is read first anyway, and the file is the weaker place.
                if (m_file->exists())
                    m_file->remove(name);
                post([done] { done({}); });
                break;
            case KeychainOutcome::Unavailable:
                fallBack(outcome.timedOut ? outcome.message : unavailableReason(outcome.message));
                post([this, name, secret, done] { done(m_file->write(name, secret)); });
                break;
            case KeychainOutcome::NotFound:
            case KeychainOutcome::Failed:
                post([done, error = tr("Could not store the secret \"%1\" in the "
                                       "keychain: %2")
                                        .arg(name, outcome.message)] { done(error); });
                break;
            }
        });
}

void SecretStore::read(const QString &name, ReadDone done)
{
    if (name.isEmpty()) {
        post([done] { done({}, tr("A secret needs a name")); });
        return;
    }
    if (m_backend == Backend::File) {
        post([this, name, done] { readFromFile(name, done); });
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(m_options.service);
    job->setKey(name);
    runKeychainJob(
        job, this, m_options.timeoutMs, [this, name, done](const KeychainOutcome &outcome) {
            switch (outcome.kind) {
            case KeychainOutcome::Ok:
                post([done, secret = outcome.data] { done(secret, {}); });
                break;
            case KeychainOutcome::Unavailable:
                fallBack(outcome.timedOut ? outcome.message : unavailableReason(outcome.message));
                post([this, name, done] { readFromFile(name, done); });
                break;
            case KeychainOutcome::NotFound: // perhaps written while it was away
                post([this, name, done] { readUnfound(name, done); });
                break;
            case KeychainOutcome::Failed:
                post([done, error = tr("Could not read the secret \"%1\" from the "
                                       "keychain: %2")
                                        .arg(name, outcome.message)] { done({}, error); });
                break;
            }
        });
}

void SecretStore::remove(const QString &name, Done done)
{
    if (name.isEmpty()) {
        post([done] { done(tr("A secret needs a name")); });
        return;
    }
    if (m_backend == Backend::File) {
        post([this, name, done] { done(m_file->remove(name)); });
        return;
    }
    auto *job = new QKeychain::DeletePasswordJob(m_options.service);
    job->setKey(name);
    runKeychainJob(
        job, this, m_options.timeoutMs, [this, name, done](const KeychainOutcome &outcome) {
            switch (outcome.kind) {
            case KeychainOutcome::Unavailable:
                fallBack(outcome.timedOut ? outcome.message : unavailableReason(outcome.message));
                Q_FALLTHROUGH();
            case KeychainOutcome::Ok:
            case KeychainOutcome::NotFound:
                // A copy in the file would come back on the next read.
                post([this, name, done] { done(m_file->remove(name)); });
                break;
            case KeychainOutcome::Failed:
                post([done, error = tr("Could not remove the secret \"%1\" from the "
                                       "keychain: %2")
                                        .arg(name, outcome.message)] { done(error); });
                break;
            }
        });
}

// The callback may come after the wait gave up, so everything it touches is shared.
struct SecretStore::SyncWait
{
    QEventLoop loop;
    bool finished = false;
    QString error;
    QByteArray secret;
};

QString SecretStore::waitFor(const std::shared_ptr<SyncWait> &wait)
{
    if (!wait->finished) {
        QTimer::singleShot(m_options.timeoutMs * 2, &wait->loop, &QEventLoop::quit);
        wait->loop.exec();
    }
    if (!wait->finished)
        return tr("The secret store did not answer within %1")
            .arg(describeTimeout(m_options.timeoutMs * 2));
    return wait->error;
}

QString SecretStore::writeSync(const QString &name, const QByteArray &secret)
{
    auto wait = std::make_shared<SyncWait>();
    write(name, secret, [wait](const QString &error) {
        wait->finished = true;
        wait->error = error;
        wait->loop.quit();
    });
    return waitFor(wait);
}

QString SecretStore::readSync(const QString &name, QByteArray *secret)
{
    auto wait = std::make_shared<SyncWait>();
    read(name, [wait](const QByteArray &value, const QString &error) {
        wait->finished = true;
        wait->secret = value;
        wait->error = error;
        wait->loop.quit();
    });
    const QString error = waitFor(wait);
    if (secret)
        *secret = error.isEmpty() ? wait->secret : QByteArray();
    return error;
}

QString SecretStore::removeSync(const QString &name)
{
    auto wait = std::make_shared<SyncWait>();
    remove(name, [wait](const QString &error) {
        wait->finished = true;
        wait->error = error;
        wait->loop.quit();
    });
    return waitFor(wait);
}

} // namespace hookbench
