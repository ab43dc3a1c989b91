#pragma once

#include "eventstoresupport.h"
#include "settings/settingsversionstore.h"
#include "vwofixture.h"

#include <QFile>

// Fixtures shared by the settings history's tests.
namespace settingstest {

using namespace hookbench;
using storetest::RawConnection;

inline const QString Endpoint = QStringLiteral("default");
// The `sdkKey` most fixtures carry.
inline const QByteArray FixtureSdkKey = QByteArrayLiteral("someuniquestuff1234567");
inline const QString Source =
    QStringLiteral("https://dev.visualwebsiteoptimizer.com/server-side/pull"
                   "?a=888888&i=REDACTED&r=0.42&platform=server&api-version=1");

// A finished webhook fetch of account 888888; with an error, a failed one after 5 attempts.
inline FetchRecord fetch(const QList<qint64> &eventIds = {}, const QString &error = {})
{
    FetchRecord record;
    record.endpoint = Endpoint;
    record.accountId = QStringLiteral("888888");
    record.startedAt = QDateTime::fromMSecsSinceEpoch(1606482285000, Qt::UTC);
    record.finishedAt = record.startedAt.addMSecs(250);
    record.trigger = FetchTrigger::Webhook;
    record.source = Source;
    record.httpStatus = error.isEmpty() ? 200 : 503;
    record.attempts = error.isEmpty() ? 1 : 5;
    record.error = error;
    record.eventIds = eventIds;
    return record;
}

// Base of test classes that need a fresh store in its own temporary folder for every test
// function: call openFreshStore() from init() and closeStore() from cleanup().
class SettingsStoreTestCase : public QObject
{
protected:
    QString dbPath() const { return m_dir->filePath(QStringLiteral("events.sqlite")); }
    SettingsVersionStore &store() { return *m_store; }

    void openFreshStore()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_store = std::make_unique<SettingsVersionStore>();
        QCOMPARE(m_store->open(dbPath()), QString());
    }
    void closeStore()
    {
        m_store.reset();
        m_dir.reset();
    }
    // Every byte SQLite wrote for the database: the file and its WAL/SHM companions.
    QByteArray databaseBytes() const
    {
        QByteArray bytes;
        for (const char *suffix : {"", "-wal", "-shm", "-journal"}) {
            QFile file(dbPath() + QLatin1String(suffix));
            if (file.open(QIODevice::ReadOnly))
                bytes += file.readAll();
        }
        return bytes;
    }
    // One number read through a connection of its own.
    int scalar(const char *sql)
    {
        RawConnection raw(dbPath());
        return raw.value(QLatin1String(sql)).toInt();
    }
    // Records a fetch; QCOMPARE inside, so callers check QTest::currentTestFailed().
    FetchRecord record(const FetchRecord &input, const QByteArray &body,
                       SettingsVersion *version = nullptr)
    {
        FetchRecord recorded;
        const QString error = store().recordFetch(input, body, &recorded, version);
        [&] { QCOMPARE(error, QString()); }();
        return recorded;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SettingsVersionStore> m_store;
};

} // namespace settingstest
