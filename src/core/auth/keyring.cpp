#include "keyring.h"

#include "keyringverifier.h"
#include "keysecret.h"
#include "secrets/secretstore.h"

#include <QEventLoop>
#include <QPointer>

#include <algorithm>

namespace hookbench {

namespace {

// A grace deadline further away than this re-arms the timer instead (QTimer takes an int).
constexpr qint64 MaxTimerMs = 24LL * 3600 * 1000;

void wipe(QByteArray *secret)
{
    secret->detach();
    secret->fill('\0');
}

} // namespace

KeyRing::KeyRing(SecretStore *secrets, QObject *parent)
    : KeyRing(secrets, Options(), parent)
{}

KeyRing::KeyRing(SecretStore *secrets, const Options &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_secrets(secrets)
{
    static const bool registered = [] {
        qRegisterMetaType<hookbench::KeyInfo>();
        qRegisterMetaType<hookbench::KeyAuditEntry>();
        return true;
    }();
    Q_UNUSED(registered);
    if (!m_options.clock)
        m_options.clock = [] { return QDateTime::currentDateTimeUtc(); };
    connect(&m_watchTimer, &QTimer::timeout, this, &KeyRing::watch);
    connect(&m_flushTimer, &QTimer::timeout, this, &KeyRing::flushUsage);
    m_expiryTimer.setSingleShot(true);
    connect(&m_expiryTimer, &QTimer::timeout, this, &KeyRing::refresh);
}

KeyRing::~KeyRing()
{
    close();
}

QString KeyRing::open(const QString &databasePath)
{
    close();
    const QString error = m_store.open(databasePath);
    if (!error.isEmpty())
        return error;
    m_lastAuditId = m_store.lastAuditId();
    refresh();
    if (m_options.watchIntervalMs > 0)
        m_watchTimer.start(m_options.watchIntervalMs);
    if (m_options.usageFlushMs > 0)
        m_flushTimer.start(m_options.usageFlushMs);
    return {};
}

void KeyRing::close()
{
    if (!m_store.isOpen())
        return;
    flushUsage();
    m_watchTimer.stop();
    m_flushTimer.stop();
    m_expiryTimer.stop();
    m_store.close();
    ++m_generation;
    for (QByteArray &secret : m_secretValues)
        wipe(&secret);
    m_secretValues.clear();
    m_pendingReads.clear();
    m_secretErrors.clear();
    m_unflushed.clear();
    m_keys.clear();
    m_dataVersion = -1;
}

bool KeyRing::isOpen() const
{
    return m_store.isOpen();
}

QString KeyRing::databasePath() const
{
    return m_store.path();
}

QDateTime KeyRing::now() const
{
    return m_options.clock().toUTC();
}

QList<KeyInfo> KeyRing::keys(const QString &endpoint) const
{
    QList<KeyInfo> result;
    std::copy_if(m_keys.cbegin(), m_keys.cend(), std::back_inserter(result),
                 [&](const KeyInfo &key) { return key.endpoint == endpoint; });
    return result;
}

std::optional<KeyInfo> KeyRing::key(const QString &id) const
{
    for (const KeyInfo &key : m_keys) {
        if (key.id == id)
            return key;
    }
    return std::nullopt;
}

std::optional<KeyInfo> KeyRing::primaryKey(const QString &endpoint) const
{
    for (const KeyInfo &key : m_keys) {
        if (key.endpoint == endpoint && key.state == KeyState::Primary)
            return key;
    }
    return std::nullopt;
}

QList<KeyAuditEntry> KeyRing::auditTrail(const QString &endpoint, const QString &keyId, int limit,
                                         QString *error) const
{
    QList<KeyAuditEntry> entries;
    QString why = checkOpen();
    if (why.isEmpty())
        why = m_store.loadAudit(endpoint, keyId, limit, &entries);
    if (error)
        *error = why;
    return entries;
}

std::shared_ptr<KeyRingVerifier> KeyRing::verifier(const QString &endpoint)
{
    std::shared_ptr<KeyRingVerifier> &verifier = m_verifiers[endpoint];
    if (!verifier) {
        verifier = std::make_shared<KeyRingVerifier>(m_options.clock);
        if (isOpen())
            rebuildVerifiers();
        else
            verifier->setKeys(true, {}); // keys unknown: refuse every request, never fail open
    }
    return verifier;
}

void KeyRing::refresh()
{
    if (!isOpen())
        return;
    const QDateTime now = this->now();
    QList<KeyInfo> loaded;
    QString error = m_store.loadKeys(&loaded);
    const auto graceRanOut = [&now](const KeyInfo &key) {
        return key.state == KeyState::Grace && key.stateAt(now) == KeyState::Expired;
    };
    if (error.isEmpty() && std::any_of(loaded.cbegin(), loaded.cend(), graceRanOut)) {
        error = m_store.settleEndedGrace(now); // the audit trail's "grace ended"
        if (error.isEmpty())
            error = m_store.loadKeys(&loaded);
    }
    if (!error.isEmpty()) {
        Q_EMIT errorOccurred(error);
        return;
    }
    m_dataVersion = m_store.dataVersion();
    QHash<QString, KeyInfo> before;
    for (const KeyInfo &key : std::as_const(m_keys))
        before.insert(key.id, key);
    QList<KeyInfo> added;
    QList<KeyInfo> changed;
    for (const KeyInfo &key : std::as_const(loaded)) {
        const auto old = before.constFind(key.id);
        if (old == before.cend())
            added.append(key);
        else if (*old != key || old->stateAt(m_keysAt) != key.stateAt(now))
            changed.append(key);
    }
    m_keys = loaded;
    m_keysAt = now;
    // Secrets of keys that are no longer accepted are dropped from memory.
    for (auto it = m_secretValues.begin(); it != m_secretValues.end();) {
        const std::optional<KeyInfo> current = key(it.key());
        if (current && current->acceptedAt(now)) {
            ++it;
        } else {
            wipe(&it.value());
            it = m_secretValues.erase(it);
        }
    }
    rebuildVerifiers();
    requestMissingSecrets();
    scheduleExpiry();
    const qint64 auditId = m_store.lastAuditId();
    const bool auditMoved = auditId != m_lastAuditId;
    m_lastAuditId = auditId;
    // Signals last: a slot may call back into the key ring, which is consistent by now.
    for (const KeyInfo &key : std::as_const(added))
        Q_EMIT keyAdded(key);
    for (const KeyInfo &key : std::as_const(changed))
        Q_EMIT keyChanged(key);
    if (auditMoved)
        Q_EMIT auditChanged();
}

void KeyRing::watch()
{
    const qint64 version = m_store.dataVersion();
    if (version != m_dataVersion)
        refresh();
}

void KeyRing::rebuildVerifiers()
{
    const QDateTime now = this->now();
    for (auto it = m_verifiers.cbegin(); it != m_verifiers.cend(); ++it) {
        bool required = false;
        QList<KeyRingVerifier::Key> accepted;
        for (const KeyInfo &key : std::as_const(m_keys)) {
            if (key.endpoint != it.key())
                continue;
            required = true;
            const auto secret = m_secretValues.constFind(key.id);
            if (key.acceptedAt(now) && secret != m_secretValues.cend()) {
                accepted.append(
                    {key.id, *secret, key.state == KeyState::Grace ? key.graceUntil : QDateTime()});
            }
        }
        it.value()->setKeys(required, accepted);
    }
}

void KeyRing::requestMissingSecrets()
{
    const QDateTime now = this->now();
    const bool wasPending = secretsPending();
    QList<KeyInfo> wanted;
    for (const KeyInfo &key : std::as_const(m_keys)) {
        if (key.acceptedAt(now) && !m_secretValues.contains(key.id) &&
            !m_pendingReads.contains(key.id) && !m_secretErrors.contains(key.id))
            wanted.append(key);
    }
    for (const KeyInfo &key : std::as_const(wanted)) {
        m_pendingReads.insert(key.id);
        const QPointer<KeyRing> self(this);
        const quint64 generation = m_generation;
        const QString id = key.id;
        m_secrets->read(webhookkey::secretName(key.endpoint, id),
                        [self, generation, id](const QByteArray &secret, const QString &error) {
                            if (!self || self->m_generation != generation)
                                return;
                            self->m_pendingReads.remove(id);
                            QString why = error;
                            if (why.isEmpty() && StaticKeyVerifier::fingerprint(secret) != id)
                                why = QStringLiteral("the stored secret does not match the key id");
                            if (why.isEmpty())
                                self->m_secretValues.insert(id, secret);
                            else
                                self->m_secretErrors.insert(id, why);
                            self->rebuildVerifiers();
                            if (!why.isEmpty())
                                Q_EMIT self->secretUnavailable(id, why);
                            if (!self->secretsPending())
                                Q_EMIT self->secretsLoaded();
                        });
    }
    if (wasPending && !secretsPending())
        Q_EMIT secretsLoaded();
}

void KeyRing::retrySecrets()
{
    m_secretErrors.clear();
    requestMissingSecrets();
}

bool KeyRing::waitForSecrets(int timeoutMs)
{
    if (!secretsPending())
        return true;
    QEventLoop loop;
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    connect(this, &KeyRing::secretsLoaded, &loop, &QEventLoop::quit);
    loop.exec();
    return !secretsPending();
}

void KeyRing::scheduleExpiry()
{
    const QDateTime now = this->now();
    qint64 next = -1;
    for (const KeyInfo &key : std::as_const(m_keys)) {
        if (key.stateAt(now) == KeyState::Grace) {
            const qint64 ms = now.msecsTo(key.graceUntil);
            next = next < 0 ? ms : std::min(next, ms);
        }
    }
    if (next < 0) {
        m_expiryTimer.stop();
        return;
    }
    // +1: the deadline itself still accepts; the refresh must see it passed.
    m_expiryTimer.start(int(std::min(next + 1, MaxTimerMs)));
}

void KeyRing::flushUsage()
{
    for (const auto &verifier : std::as_const(m_verifiers)) {
        for (const KeyRingVerifier::Usage &use : verifier->takeUsage()) {
            KeyRingStore::Usage &total = m_unflushed[use.id];
            total.id = use.id;
            total.count += use.count;
            if (!total.lastUsed.isValid() || use.lastUsed > total.lastUsed)
                total.lastUsed = use.lastUsed;
        }
    }
    if (m_unflushed.isEmpty() || !isOpen())
        return;
    // Kept until written: a busy database loses no counts, they go with the next flush.
    const QString error = m_store.addUsage(m_unflushed.values());
    if (!error.isEmpty()) {
        Q_EMIT errorOccurred(error);
        return;
    }
    m_unflushed.clear();
    refresh();
}

QString KeyRing::checkOpen() const
{
    return isOpen() ? QString() : QStringLiteral("the key ring is not open");
}

} // namespace hookbench
