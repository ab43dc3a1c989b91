#include "settingsrecorder.h"

#include "settingsurl.h"

#include <QFile>
#include <QFileInfo>

namespace hookbench {

FetchRecord fetchRecordOf(const QString &endpoint, const QString &accountId,
                          const SettingsFetchResult &result)
{
    FetchRecord record;
    record.endpoint = endpoint;
    record.accountId = accountId;
    record.startedAt = result.startedAt;
    record.finishedAt = result.finishedAt;
    record.trigger = result.trigger;
    record.source =
        result.sourceUrl.isEmpty() ? QString() : SettingsUrl::redactedString(result.sourceUrl);
    record.attempts = result.attempts;
    record.httpStatus = result.httpStatus;
    record.error = result.error;
    record.eventIds = result.eventIds;
    if (!result.ok() && record.error.isEmpty())
        record.error = settingsFetchFailureName(result.failure);
    return record;
}

void SettingsRecorder::open(const QString &databasePath)
{
    m_path = databasePath;
    Q_EMIT opened(m_store.open(databasePath));
}

QString SettingsRecorder::ensureOpen()
{
    if (m_store.isOpen() || m_path.isEmpty())
        return {};
    return m_store.open(m_path);
}

void SettingsRecorder::recordFetch(const QString &endpoint, const QString &accountId,
                                   const SettingsFetchResult &result)
{
    const FetchRecord fetch = fetchRecordOf(endpoint, accountId, result);
    FetchRecord row;
    SettingsVersion version;
    QString error = ensureOpen();
    if (error.isEmpty())
        error = m_store.recordAnswer(fetch, result.body, &row, &version);
    if (!error.isEmpty()) {
        Q_EMIT notRecorded(fetch, error);
        return Q_EMIT failed(error);
    }
    Q_EMIT recorded(row, version);
}

void SettingsRecorder::importFile(const QString &endpoint, const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Q_EMIT failed(QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    FetchRecord row;
    SettingsVersion version;
    QString error = ensureOpen();
    if (error.isEmpty())
        error = m_store.importFile(endpoint, path, file.readAll(), &row, &version);
    if (!error.isEmpty())
        return Q_EMIT failed(error);
    Q_EMIT recorded(row, version);
}

} // namespace hookbench
