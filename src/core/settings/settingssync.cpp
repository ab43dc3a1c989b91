#include "settingssync.h"

#include "secrets/secretstore.h"
#include "settingsrecorder.h"
#include "settingsurl.h"

#include <QPointer>

namespace hookbench {

SettingsSync::SettingsSync(SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_secrets(secrets)
    , m_recorder(new SettingsRecorder)
{
    qRegisterMetaType<SettingsFetchResult>();
    qRegisterMetaType<FetchRecord>();
    qRegisterMetaType<SettingsVersion>();
    m_worker.setObjectName(QStringLiteral("settings recorder"));
    m_recorder->moveToThread(&m_worker);
    connect(&m_worker, &QThread::finished, m_recorder, &QObject::deleteLater);
    m_worker.start();

    connect(m_recorder, &SettingsRecorder::opened, this, [this](const QString &error) {
        if (!error.isEmpty())
            Q_EMIT errorOccurred(error);
    });
    connect(m_recorder, &SettingsRecorder::recorded, this, &SettingsSync::fetchRecorded);
    connect(m_recorder, &SettingsRecorder::failed, this, &SettingsSync::errorOccurred);
    connect(m_recorder, &SettingsRecorder::notRecorded, this,
            [this](const FetchRecord &fetch, const QString &error) {
                Q_EMIT fetchNotRecorded(fetch.eventIds, error);
            });
    connect(&m_fetcher, &SettingsFetcher::fetchStarted, this, &SettingsSync::fetchStarted);
    connect(&m_fetcher, &SettingsFetcher::attemptFailed, this,
            [this](int attempt, const QString &error, int nextRetryInMs) {
                if (nextRetryInMs < 0)
                    return; // the end of the fetch: fetchRecorded() tells it
                Q_EMIT fetchProgress(tr("Attempt %1 failed: %2. Next attempt in %3 s.")
                                         .arg(attempt)
                                         .arg(error)
                                         .arg((nextRetryInMs + 999) / 1000));
            });
    connect(&m_fetcher, &SettingsFetcher::attemptStarted, this,
            [this](int attempt, int maxAttempts, const QUrl &) {
                Q_EMIT fetchProgress(attempt == 1 ? tr("Fetching the settings file…")
                                                  : tr("Fetching the settings file (attempt %1 "
                                                       "of %2)…")
                                                        .arg(attempt)
                                                        .arg(maxAttempts));
            });
    connect(&m_fetcher, &SettingsFetcher::fetchFinished, this,
            [this](const SettingsFetchResult &result) {
                QMetaObject::invokeMethod(m_recorder, "recordFetch", Qt::QueuedConnection,
                                          Q_ARG(QString, m_profile.endpoint),
                                          Q_ARG(QString, m_profile.accountId),
                                          Q_ARG(hookbench::SettingsFetchResult, result));
            });
}

SettingsSync::~SettingsSync()
{
    // Queued after everything the worker was given, so that all of it is recorded first.
    QMetaObject::invokeMethod(
        m_recorder, [] { QThread::currentThread()->quit(); }, Qt::QueuedConnection);
    m_worker.wait();
}

QString SettingsSync::open(const QString &databasePath, const QString &endpoint)
{
    QString error = m_store.open(databasePath);
    if (error.isEmpty())
        error = m_store.profile(endpoint, &m_profile);
    if (!error.isEmpty())
        return error;
    QMetaObject::invokeMethod(m_recorder, "open", Qt::QueuedConnection,
                              Q_ARG(QString, databasePath));
    applyAccount();
    readSdkKey();
    return {};
}

void SettingsSync::readSdkKey()
{
    m_sdkKeyRead = false;
    const QPointer<SettingsSync> self(this);
    const QString endpoint = m_profile.endpoint;
    // A failed read leaves no key: fetchUnavailableReason() then says none is stored.
    m_secrets->read(
        sdkKeySecretName(endpoint), [self, endpoint](const QByteArray &secret, const QString &) {
            if (!self || self->m_profile.endpoint != endpoint)
                return;
            if (self->m_sdkKey.isEmpty()) // useSdkKey() may have come first
                self->m_sdkKey = secret;
            self->m_sdkKeyRead = true;
            self->applyAccount();
            Q_EMIT self->ready();
            if (!self->m_waiting.isEmpty())
                self->m_fetcher.request(FetchTrigger::Webhook, std::exchange(self->m_waiting, {}));
        });
}

void SettingsSync::applyAccount()
{
    m_fetcher.setAccount(m_profile.baseUrl, m_profile.accountId, QString::fromLatin1(m_sdkKey));
    m_fetcher.setTimeoutMs(m_profile.timeoutMs);
}

QString SettingsSync::fetchUnavailableReason() const
{
    if (!m_store.isOpen())
        return tr("The settings history is not open.");
    if (!m_profile.isSet())
        return tr("Set the account id and SDK key of endpoint \"%1\" first.")
            .arg(m_profile.endpoint);
    if (m_sdkKey.isEmpty() && !m_sdkKeyRead)
        return tr("The SDK key is still being read from the keychain.");
    if (m_sdkKey.isEmpty())
        return tr("No SDK key is stored for endpoint \"%1\": set it in the account profile.")
            .arg(m_profile.endpoint);
    return m_profile.check();
}

void SettingsSync::setProfile(const AccountProfile &profile, const QByteArray &sdkKey, Done done)
{
    AccountProfile changed = profile;
    changed.endpoint = m_profile.endpoint;
    QString error =
        sdkKey.isEmpty() ? QString() : SettingsUrl::checkSdkKey(QString::fromLatin1(sdkKey));
    if (error.isEmpty())
        error = m_store.saveProfile(changed);
    const QPointer<SettingsSync> self(this);
    const auto apply = [self, changed, done](const QByteArray &key, const QString &failure) {
        if (!self)
            return;
        if (failure.isEmpty()) {
            self->m_profile = changed;
            if (!key.isEmpty())
                self->m_sdkKey = key;
            self->applyAccount();
            Q_EMIT self->profileChanged(changed);
        }
        done(failure);
    };
    if (!error.isEmpty() || sdkKey.isEmpty()) {
        QMetaObject::invokeMethod(
            this, [apply, error] { apply({}, error); }, Qt::QueuedConnection);
        return;
    }
    m_secrets->write(sdkKeySecretName(changed.endpoint), sdkKey,
                     [apply, sdkKey](const QString &failure) {
                         apply(sdkKey, failure.isEmpty()
                                           ? failure
                                           : QLatin1String("cannot store the SDK key: ") + failure);
                     });
}

void SettingsSync::useSdkKey(const QByteArray &sdkKey)
{
    m_sdkKey = sdkKey;
    applyAccount();
}

void SettingsSync::fetchNow()
{
    const QString reason = fetchUnavailableReason();
    if (!reason.isEmpty())
        return Q_EMIT errorOccurred(reason);
    m_fetcher.request(FetchTrigger::Manual);
}

void SettingsSync::addEvents(const QList<Event> &events)
{
    if (!m_profile.autoFetch || !m_profile.isSet())
        return;
    QList<qint64> ids;
    for (const Event &event : events) {
        if (event.endpoint == m_profile.endpoint && event.asksForSettingsFetch())
            ids.append(event.id);
    }
    if (ids.isEmpty())
        return;
    if (!m_sdkKeyRead && m_sdkKey.isEmpty()) {
        m_waiting += ids; // fetched once the key is read
        Q_EMIT fetchQueued(ids);
        return;
    }
    if (m_sdkKey.isEmpty())
        return;
    Q_EMIT fetchQueued(ids);
    m_fetcher.request(FetchTrigger::Webhook, ids);
}

void SettingsSync::importFile(const QString &path)
{
    QMetaObject::invokeMethod(m_recorder, "importFile", Qt::QueuedConnection,
                              Q_ARG(QString, m_profile.endpoint), Q_ARG(QString, path));
}

} // namespace hookbench
