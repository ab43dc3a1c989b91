#pragma once

#include "settings/settingsfetcher.h"
#include "settings/settingsurl.h"
#include "settingsserver.h"

#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

#include <memory>

using namespace hookbench;
using Behaviour = SettingsServer::Behaviour;

inline const QString Account = QLatin1String(SettingsServer::DefaultAccountId);
inline const QString Key = QLatin1String(SettingsServer::DefaultSdkKey);
inline const QString Fixture = QStringLiteral("whitelisting-enabled.json");

// What the SettingsFetcher tests share: a SettingsServer serving Fixture, a fetcher with short
// back-off waits pointed at it, spies on every signal, and (in tearDown) the check that no
// signal argument or result text ever held the SDK key.
class SettingsFetchTest : public QObject
{
protected:
    std::unique_ptr<SettingsServer> m_server;
    std::unique_ptr<SettingsFetcher> m_fetcher;
    std::unique_ptr<QSignalSpy> m_started;
    std::unique_ptr<QSignalSpy> m_attempts;
    std::unique_ptr<QSignalSpy> m_failed;
    std::unique_ptr<QSignalSpy> m_finished;
    QString m_key = Key; // the key in use

    void setUp()
    {
        m_server = std::make_unique<SettingsServer>();
        QVERIFY(m_server->listen());
        m_server->setDefaultBehaviour(Behaviour::serveFixture(Fixture));
        m_fetcher = std::make_unique<SettingsFetcher>();
        m_fetcher->setBackoff({20, 40, 80, 160});
        m_fetcher->setTimeoutMs(5000);
        m_started = std::make_unique<QSignalSpy>(m_fetcher.get(), &SettingsFetcher::fetchStarted);
        m_attempts =
            std::make_unique<QSignalSpy>(m_fetcher.get(), &SettingsFetcher::attemptStarted);
        m_failed = std::make_unique<QSignalSpy>(m_fetcher.get(), &SettingsFetcher::attemptFailed);
        m_finished = std::make_unique<QSignalSpy>(m_fetcher.get(), &SettingsFetcher::fetchFinished);
        useKey(Key);
    }
    void tearDown()
    {
        const QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(m_key));
        for (const QString &text : everyText()) {
            QVERIFY2(!text.contains(m_key), qPrintable(text));
            QVERIFY2(!text.contains(encoded), qPrintable(text));
        }
        m_finished.reset();
        m_failed.reset();
        m_attempts.reset();
        m_started.reset();
        m_fetcher.reset();
        m_server.reset();
    }

    void useKey(const QString &key)
    {
        m_key = key;
        m_server->setCredentials(Account, key);
        QCOMPARE(m_fetcher->setAccount(m_server->baseUrl(), Account, key), QString());
    }
    // Waits until n results came (or timeoutMs passed) and returns all so far.
    QList<SettingsFetchResult> waitForResults(int n, int timeoutMs = 10000)
    {
        for (int waited = 0; m_finished->size() < n && waited < timeoutMs; waited += 20)
            QTest::qWait(20);
        QList<SettingsFetchResult> results;
        for (const QList<QVariant> &args : *m_finished)
            results << args.first().value<SettingsFetchResult>();
        return results;
    }
    SettingsFetchResult fetchOne(FetchTrigger trigger = FetchTrigger::Manual,
                                 const QList<qint64> &ids = {})
    {
        m_fetcher->request(trigger, ids);
        const QList<SettingsFetchResult> results = waitForResults(1);
        return results.isEmpty() ? SettingsFetchResult() : results.first();
    }
    QStringList failedErrors() const
    {
        QStringList errors;
        for (const QList<QVariant> &args : *m_failed)
            errors << args.at(1).toString();
        return errors;
    }
    QList<int> failedWaits() const
    {
        QList<int> waits;
        for (const QList<QVariant> &args : *m_failed)
            waits << args.at(2).toInt();
        return waits;
    }
    // Every text the fetcher handed out.
    QStringList everyText() const
    {
        QStringList texts;
        for (const QSignalSpy *spy : {m_started.get(), m_attempts.get(), m_failed.get()})
            for (const QList<QVariant> &args : *spy)
                for (const QVariant &arg : args)
                    texts << arg.toString() << QString::fromLatin1(arg.toUrl().toEncoded());
        for (const QList<QVariant> &args : *m_finished) {
            const auto r = args.first().value<SettingsFetchResult>();
            texts << r.error << r.sourceUrl.toString()
                  << QString::fromLatin1(r.sourceUrl.toEncoded())
                  << QString::fromLatin1(r.contentType);
        }
        return texts;
    }
};
