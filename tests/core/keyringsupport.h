#pragma once

// Fixtures for the key ring's tests: a key ring on a fresh SQLite file in a temporary folder,
// values in a file secret store (real, no session bus needed), and a clock the test moves.

#include "auth/keyring.h"
#include "auth/keyringverifier.h"
#include "secrets/secretstore.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <memory>

namespace keyringtest {

using namespace hookbench;

// Thread-safe: the verifiers read it on the receiver thread.
class FakeClock
{
public:
    FakeClock()
        : m_ms(QDateTime(QDate(2024, 5, 1), QTime(10, 0), Qt::UTC).toMSecsSinceEpoch())
    {}
    QDateTime now() const { return QDateTime::fromMSecsSinceEpoch(m_ms.load(), Qt::UTC); }
    void advanceSecs(qint64 secs) { m_ms += secs * 1000; }
    void advanceMs(qint64 ms) { m_ms += ms; }
    KeyRing::Clock clock()
    {
        return [this] { return now(); };
    }

private:
    std::atomic<qint64> m_ms;
};

// Waits for an asynchronous KeyRing operation.
template<typename Start>
KeyRing::Result await(Start start)
{
    KeyRing::Result result;
    bool finished = false;
    QEventLoop loop;
    start([&](const KeyRing::Result &outcome) {
        result = outcome;
        finished = true;
        loop.quit();
    });
    if (!finished)
        loop.exec();
    return result;
}

struct Fixture
{
    explicit Fixture(int watchIntervalMs = 0)
    {
        QVERIFY(dir.isValid());
        secrets = makeSecrets();
        KeyRing::Options options;
        options.clock = clock.clock();
        options.watchIntervalMs = watchIntervalMs;
        options.usageFlushMs = 0;
        ring = std::make_unique<KeyRing>(secrets.get(), options);
        const QString error = ring->open(dbPath());
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    std::unique_ptr<SecretStore> makeSecrets() const
    {
        SecretStore::Options options;
        options.useKeychain = false;
        options.fallbackPath = secretsPath();
        return std::make_unique<SecretStore>(options);
    }
    QString dbPath() const { return dir.filePath(QStringLiteral("hookbench.sqlite")); }
    QString secretsPath() const { return dir.filePath(QStringLiteral("secrets.json")); }

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

    QByteArray storedSecret(const QString &endpoint, const QString &id) const
    {
        QByteArray secret;
        const QString error = makeSecrets()->readSync(
            QLatin1String("webhook-key/") + endpoint + QLatin1Char('/') + id, &secret);
        return error.isEmpty() ? secret : QByteArray();
    }

    QTemporaryDir dir;
    FakeClock clock;
    std::unique_ptr<SecretStore> secrets;
    std::unique_ptr<KeyRing> ring;
};

} // namespace keyringtest
