#include "endpointdirectory.h"

#include "auth/keyringstore.h"
#include "auth/keysecret.h"
#include "secrets/secretstore.h"
#include "settings/accountprofile.h"

#include <QEventLoop>
#include <QPointer>

#include <memory>

namespace hookbench {

namespace {

constexpr int WatchIntervalMs = 1000;

// A secret named after an endpoint and the name it gets under the new endpoint name.
struct SecretMove
{
    QString from;
    QString to;
};

// SecretStore has no "not found" flag; its own (possibly translated) message is the tell.
bool isNotFound(const QString &name, const QString &error)
{
    return error == SecretStore::tr("no secret named \"%1\"").arg(name);
}

void wipe(QByteArray *secret)
{
    secret->detach();
    secret->fill('\0');
}

// The secrets that belong to `endpoint`: each key's value (ids from the key ring's table) and
// the SDK key. `renamedTo` empty: `to` is left empty.
QString endpointSecrets(const QString &databasePath, const QString &endpoint,
                        const QString &renamedTo, QList<SecretMove> *secrets)
{
    secrets->clear();
    KeyRingStore keys;
    QString error = keys.open(databasePath);
    if (!error.isEmpty())
        return error;
    QList<KeyInfo> all;
    error = keys.loadKeys(&all);
    keys.close();
    if (!error.isEmpty())
        return error;
    for (const KeyInfo &key : std::as_const(all)) {
        if (key.endpoint == endpoint) {
            secrets->append(
                {webhookkey::secretName(endpoint, key.id),
                 renamedTo.isEmpty() ? QString() : webhookkey::secretName(renamedTo, key.id)});
        }
    }
    secrets->append({sdkKeySecretName(endpoint),
                     renamedTo.isEmpty() ? QString() : sdkKeySecretName(renamedTo)});
    return {};
}

// Removes `names` one after the other; `done` gets the failures ("NAME: why"), if any.
void removeSecrets(SecretStore *store, const QStringList &names,
                   std::function<void(const QStringList &failures)> done)
{
    struct State
    {
        QStringList names;
        QStringList failures;
        qsizetype next = 0;
        std::function<void(const QStringList &)> done;
        std::function<void()> step;
    };
    auto state = std::make_shared<State>();
    state->names = names;
    state->done = std::move(done);
    // `step` holds the state weakly (no cycle); the caller or a pending callback holds it.
    state->step = [store, weak = std::weak_ptr<State>(state)] {
        const std::shared_ptr<State> state = weak.lock();
        if (state->next == state->names.size()) {
            state->done(state->failures);
            return;
        }
        const QString name = state->names.at(state->next++);
        store->remove(name, [state, name](const QString &error) {
            if (!error.isEmpty())
                state->failures.append(name + QLatin1String(": ") + error);
            state->step();
        });
    };
    state->step();
}

} // namespace

// One rename in progress: the copies made so far, so a failure can take them back.
struct EndpointRename
{
    QString from;
    QString to;
    QList<SecretMove> secrets;
    qsizetype next = 0;
    QStringList written; // new names (removed again on failure)
    QStringList copied;  // old names whose value now also lives under the new name
    EndpointDirectory::Done done;
};

EndpointDirectory::EndpointDirectory(SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_secrets(secrets)
{
    connect(&m_watchTimer, &QTimer::timeout, this, &EndpointDirectory::watch);
}

EndpointDirectory::~EndpointDirectory()
{
    m_watchTimer.stop();
    m_store.close();
}

QString EndpointDirectory::open(const QString &databasePath)
{
    close();
    const QString error = m_store.open(databasePath);
    if (!error.isEmpty())
        return error;
    refresh();
    m_watchTimer.start(WatchIntervalMs);
    return {};
}

void EndpointDirectory::close()
{
    m_watchTimer.stop();
    if (!m_store.isOpen())
        return;
    m_store.close();
    m_dataVersion = -1;
    if (!m_endpoints.isEmpty()) {
        m_endpoints.clear();
        Q_EMIT changed();
    }
}

std::optional<Endpoint> EndpointDirectory::endpoint(const QString &name) const
{
    for (const Endpoint &endpoint : m_endpoints) {
        if (endpoint.name == name)
            return endpoint;
    }
    return std::nullopt;
}

QHash<QString, qint64> EndpointDirectory::eventCounts(QString *error) const
{
    QHash<QString, qint64> counts;
    const QString problem = m_store.eventCounts(&counts);
    if (error)
        *error = problem;
    return counts;
}

QString EndpointDirectory::add(const Endpoint &endpoint)
{
    const QString error = m_store.add(endpoint);
    if (error.isEmpty())
        refresh();
    return error;
}

QString EndpointDirectory::update(const Endpoint &endpoint)
{
    const QString error = m_store.update(endpoint);
    if (error.isEmpty())
        refresh();
    return error;
}

void EndpointDirectory::rename(const QString &from, const QString &to, Done done)
{
    const auto finishLater = [this, done](const QString &error) {
        QMetaObject::invokeMethod(
            this, [done, error] { done(error); }, Qt::QueuedConnection);
    };
    if (!isOpen())
        return finishLater(QStringLiteral("the endpoint list is not open"));
    if (from == to)
        return finishLater({});
    // The store checks all this again in its transaction; asking first spares copying secrets
    // for a rename that cannot happen.
    if (from == QLatin1String(Endpoint::DefaultName))
        return finishLater(QStringLiteral("the default endpoint cannot be renamed"));
    Endpoint existing;
    QString error = m_store.find(from, &existing);
    if (error.isEmpty()) {
        const QString problem = webhookkey::checkEndpoint(to);
        if (!problem.isEmpty())
            error = QStringLiteral("new name: ") + problem;
        else if (m_store.find(to, &existing).isEmpty())
            error = QStringLiteral("an endpoint named '%1' exists already").arg(to);
    }
    auto rename = std::make_shared<EndpointRename>();
    if (error.isEmpty())
        error = endpointSecrets(m_store.path(), from, to, &rename->secrets);
    if (!error.isEmpty())
        return finishLater(error);
    rename->from = from;
    rename->to = to;
    rename->done = std::move(done);
    copyNextSecret(rename);
}

void EndpointDirectory::copyNextSecret(const std::shared_ptr<EndpointRename> &rename)
{
    if (rename->next == rename->secrets.size())
        return commitRename(rename);
    const SecretMove move = rename->secrets.at(rename->next++);
    QPointer<EndpointDirectory> self(this);
    m_secrets->read(move.from, [self, rename, move](QByteArray secret, const QString &error) {
        if (!self)
            return;
        if (isNotFound(move.from, error))
            return self->copyNextSecret(rename);
        if (!error.isEmpty()) {
            return self->undoRename(
                rename, QStringLiteral("cannot read the secret \"%1\": %2").arg(move.from, error));
        }
        rename->written.append(move.to); // a failed write may still have left something
        self->m_secrets->write(move.to, secret, [self, rename, move](const QString &error) {
            if (!self)
                return;
            if (!error.isEmpty()) {
                return self->undoRename(
                    rename,
                    QStringLiteral("cannot store the secret \"%1\": %2").arg(move.to, error));
            }
            rename->copied.append(move.from);
            self->copyNextSecret(rename);
        });
        wipe(&secret);
    });
}

void EndpointDirectory::commitRename(const std::shared_ptr<EndpointRename> &rename)
{
    const QString error = m_store.rename(rename->from, rename->to);
    if (!error.isEmpty())
        return undoRename(rename, error);
    refresh();
    removeSecrets(m_secrets, rename->copied, [rename](const QStringList &failures) {
        if (failures.isEmpty())
            return rename->done({});
        rename->done(QStringLiteral("endpoint '%1' was renamed to '%2', but its old secrets "
                                    "could not all be removed: %3")
                         .arg(rename->from, rename->to, failures.join(QLatin1String("; "))));
    });
}

void EndpointDirectory::undoRename(const std::shared_ptr<EndpointRename> &rename,
                                   const QString &error)
{
    removeSecrets(m_secrets, rename->written, [rename, error](const QStringList &failures) {
        if (failures.isEmpty())
            return rename->done(error);
        rename->done(error + QStringLiteral(" (copies under the new name could not all be "
                                            "removed: %1)")
                                 .arg(failures.join(QLatin1String("; "))));
    });
}

void EndpointDirectory::remove(const QString &name, bool keepEvents, Done done)
{
    QList<SecretMove> secrets;
    // The key ids are read before the store drops the keys' rows.
    QString error = isOpen() ? endpointSecrets(m_store.path(), name, {}, &secrets)
                             : QStringLiteral("the endpoint list is not open");
    if (error.isEmpty())
        error = m_store.remove(name, keepEvents);
    if (!error.isEmpty()) {
        QMetaObject::invokeMethod(
            this, [done, error] { done(error); }, Qt::QueuedConnection);
        return;
    }
    refresh();
    QStringList names;
    for (const SecretMove &secret : std::as_const(secrets))
        names.append(secret.from);
    removeSecrets(m_secrets, names, [name, done](const QStringList &failures) {
        if (failures.isEmpty())
            return done({});
        done(QStringLiteral("endpoint '%1' was removed, but its secrets could not all be "
                            "removed: %2")
                 .arg(name, failures.join(QLatin1String("; "))));
    });
}

namespace {
template<typename Start>
QString waitFor(Start start)
{
    QString result;
    bool finished = false;
    QEventLoop loop;
    start([&](const QString &error) {
        result = error;
        finished = true;
        loop.quit();
    });
    if (!finished)
        loop.exec();
    return result;
}
} // namespace

QString EndpointDirectory::renameSync(const QString &from, const QString &to)
{
    return waitFor([&](Done done) { rename(from, to, std::move(done)); });
}

QString EndpointDirectory::removeSync(const QString &name, bool keepEvents)
{
    return waitFor([&](Done done) { remove(name, keepEvents, std::move(done)); });
}

void EndpointDirectory::refresh()
{
    if (!isOpen())
        return;
    // The version first: a commit between the two reads is then seen by the next watch().
    const qint64 version = m_store.dataVersion();
    QList<Endpoint> loaded;
    if (!m_store.load(&loaded).isEmpty())
        return; // keep the last good list; the next change tries again
    m_dataVersion = version;
    if (loaded == m_endpoints)
        return;
    m_endpoints = loaded;
    Q_EMIT changed();
}

void EndpointDirectory::watch()
{
    if (m_store.dataVersion() != m_dataVersion)
        refresh();
}

} // namespace hookbench
