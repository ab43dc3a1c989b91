#include "auth/keyringverifier.h"

#include <QElapsedTimer>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace hookbench;

Q_DECLARE_METATYPE(hookbench::AuthOutcome)

// KeyRingVerifier: constant-time matching against every accepted key, grace deadlines read from
// the clock at verify time, snapshot swaps under concurrent verify(), usage counting.
class TestKeyRingVerifier : public QObject
{
    Q_OBJECT

private:
    static QByteArray hexKey(char fill) { return QByteArray(64, fill); }

private Q_SLOTS:
    void wrongKeysOfEqualLength_data()
    {
        QTest::addColumn<int>("position"); // where the candidate first differs from a real key
        QTest::addColumn<int>("keyIndex"); // which of the three keys it resembles
        for (int key = 0; key < 3; ++key) {
            for (int position : {0, 1, 31, 32, 62, 63}) {
                QTest::addRow("key %d, differs at %d", key, position) << position << key;
            }
        }
    }

    void wrongKeysOfEqualLength()
    {
        QFETCH(int, position);
        QFETCH(int, keyIndex);
        const QList<QByteArray> secrets{
            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
            "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752",
            "fd61a03af4f77d870fc21e05e7e80678095c92d808cfb3b5c279ee04c74aca13"};
        KeyRingVerifier verifier;
        QList<KeyRingVerifier::Key> keys;
        for (const QByteArray &secret : secrets)
            keys.append({StaticKeyVerifier::fingerprint(secret), secret, {}});
        verifier.setKeys(true, keys);

        QByteArray candidate = secrets.at(keyIndex);
        candidate[position] = candidate.at(position) == 'x' ? 'y' : 'x';
        const AuthResult wrong = verifier.verify(candidate, true);
        QCOMPARE(authOutcomeName(wrong.outcome), QStringLiteral("failed"));
        QVERIFY(wrong.keyId.isEmpty());
        // Near misses are refused too: another case, one byte more or one less.
        QCOMPARE(verifier.verify(secrets.at(keyIndex).toUpper(), true).outcome,
                 AuthOutcome::Failed);
        QCOMPARE(verifier.verify(QByteArray(secrets.at(keyIndex) + 'a'), true).outcome,
                 AuthOutcome::Failed);
        QCOMPARE(verifier.verify(secrets.at(keyIndex).chopped(1), true).outcome,
                 AuthOutcome::Failed);
        const AuthResult right = verifier.verify(secrets.at(keyIndex), true);
        QCOMPARE(right.outcome, AuthOutcome::Ok);
        QCOMPARE(right.keyId, keys.at(keyIndex).id);
    }

    void outcomes()
    {
        KeyRingVerifier verifier;
        QCOMPARE(verifier.verify("anything", true).outcome, AuthOutcome::NotRequired);
        QCOMPARE(verifier.verify({}, false).outcome, AuthOutcome::NotRequired);
        QVERIFY(!verifier.authRequired());
        // Keys exist but none is accepted (all revoked): fail closed, never open.
        verifier.setKeys(true, {});
        QCOMPARE(verifier.verify("anything", true).outcome, AuthOutcome::Failed);
        QCOMPARE(verifier.verify({}, false).outcome, AuthOutcome::Missing);
        QCOMPARE(verifier.verify({}, true).outcome, AuthOutcome::Failed);
        verifier.setKeys(true, {{StaticKeyVerifier::fingerprint(hexKey('a')), hexKey('a'), {}}});
        QCOMPARE(verifier.verify({}, true).outcome, AuthOutcome::Failed);
        const AuthResult ok = verifier.verify(hexKey('a'), true);
        QCOMPARE(ok.outcome, AuthOutcome::Ok);
        QCOMPARE(verifier.keyCount(), 1);
        // The event log gets the fingerprint of what was sent, never the value.
        QCOMPARE(ok.storedHeader, "[redacted; fingerprint " +
                                      StaticKeyVerifier::fingerprint(hexKey('a')).toLatin1() + ']');
        const AuthResult nearMiss = verifier.verify(QByteArray(hexKey('a').chopped(1) + 'b'), true);
        QVERIFY(!nearMiss.storedHeader.contains("aaaa"));
        QVERIFY(nearMiss.storedHeader.startsWith("[redacted; fingerprint "));
        verifier.setKeys(false, {});
        QVERIFY(verifier.verify(hexKey('a'), true).storedHeader.isEmpty()); // nothing to protect
    }

    void graceDeadlineReadAtVerifyTime()
    {
        std::atomic<qint64> nowMs{1714557600000};
        KeyRingVerifier verifier(
            [&nowMs] { return QDateTime::fromMSecsSinceEpoch(nowMs.load(), Qt::UTC); });
        const QDateTime deadline = QDateTime::fromMSecsSinceEpoch(nowMs + 60000, Qt::UTC);
        verifier.setKeys(true, {{QStringLiteral("new"), hexKey('n'), {}},
                                {QStringLiteral("old"), hexKey('o'), deadline}});
        QCOMPARE(verifier.verify(hexKey('o'), true).keyId, QStringLiteral("old"));
        nowMs += 59999;
        QCOMPARE(verifier.verify(hexKey('o'), true).outcome, AuthOutcome::Ok);
        nowMs += 1;
        QCOMPARE(verifier.verify(hexKey('o'), true).outcome, AuthOutcome::Failed);
        QCOMPARE(verifier.verify(hexKey('n'), true).keyId, QStringLiteral("new"));
    }

    void usageCounts()
    {
        std::atomic<qint64> nowMs{1714557600000};
        KeyRingVerifier verifier(
            [&nowMs] { return QDateTime::fromMSecsSinceEpoch(nowMs.load(), Qt::UTC); });
        verifier.setKeys(
            true, {{QStringLiteral("a"), hexKey('a'), {}}, {QStringLiteral("b"), hexKey('b'), {}}});
        for (int i = 0; i < 3; ++i)
            verifier.verify(hexKey('a'), true);
        nowMs += 1000;
        verifier.verify(hexKey('a'), true);
        verifier.verify(hexKey('c'), true);
        QList<KeyRingVerifier::Usage> usage = verifier.takeUsage();
        QCOMPARE(usage.size(), 1);
        QCOMPARE(usage.first().id, QStringLiteral("a"));
        QCOMPARE(usage.first().count, 4);
        QCOMPARE(usage.first().lastUsed.toMSecsSinceEpoch(), nowMs.load());
        QVERIFY(verifier.takeUsage().isEmpty()); // taken
        // Counters survive a snapshot swap that keeps the key.
        verifier.verify(hexKey('b'), true);
        verifier.setKeys(true, {{QStringLiteral("b"), hexKey('b'), {}}});
        verifier.verify(hexKey('b'), true);
        usage = verifier.takeUsage();
        QCOMPARE(usage.size(), 1);
        QCOMPARE(usage.first().count, 2);
    }

    void swapWhileVerifying()
    {
        // Readers on other threads see either snapshot, never a torn one; run under
        // -DHOOKBENCH_SANITIZE=ON to have ASan check the lifetimes.
        KeyRingVerifier verifier;
        const QByteArray a = hexKey('a');
        const QByteArray b = hexKey('b');
        verifier.setKeys(true, {{QStringLiteral("a"), a, {}}});
        std::atomic_bool stop{false};
        std::atomic<int> bad{0};
        std::atomic<qint64> checks{0};
        QList<QThread *> threads;
        for (int t = 0; t < 4; ++t) {
            threads.append(QThread::create([&] {
                while (!stop.load()) {
                    const AuthResult ra = verifier.verify(a, true);
                    const AuthResult rb = verifier.verify(b, true);
                    // Exactly one of a/b is accepted in each snapshot; a reader may straddle a
                    // swap, but a match must always name the key that matched.
                    if ((ra.outcome == AuthOutcome::Ok && ra.keyId != QLatin1String("a")) ||
                        (rb.outcome == AuthOutcome::Ok && rb.keyId != QLatin1String("b")))
                        ++bad;
                    checks += 2;
                }
            }));
            threads.last()->start();
        }
        // Swap until the readers have done plenty of checks across swaps (at most 10 s).
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; (i < 2000 || checks.load() < 20000) && !timer.hasExpired(10000); ++i) {
            if (i % 2)
                verifier.setKeys(true, {{QStringLiteral("a"), a, {}}});
            else
                verifier.setKeys(true, {{QStringLiteral("b"), b, {}}});
        }
        stop = true;
        for (QThread *thread : std::as_const(threads)) {
            thread->wait();
            delete thread;
        }
        QCOMPARE(bad.load(), 0);
        QVERIFY(checks.load() >= 20000);
        qint64 counted = 0;
        for (const KeyRingVerifier::Usage &use : verifier.takeUsage())
            counted += use.count;
        QVERIFY(counted > 0);
    }
};

QTEST_GUILESS_MAIN(TestKeyRingVerifier)
#include "tst_keyringverifier.moc"
