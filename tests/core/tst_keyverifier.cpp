#include "auth/keyverifier.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace hookbench;

Q_DECLARE_METATYPE(hookbench::AuthOutcome)

class TestKeyVerifier : public QObject
{
    Q_OBJECT

private:
    QString writeFile(const QByteArray &content)
    {
        const QString path = m_dir.filePath(QStringLiteral("keys-%1.txt").arg(++m_fileCount));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
            qFatal("cannot write test key file");
        return path;
    }

    QTemporaryDir m_dir;
    int m_fileCount = 0;

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void constantTimeEquals_data()
    {
        QTest::addColumn<QByteArray>("a");
        QTest::addColumn<QByteArray>("b");
        QTest::addColumn<bool>("equal");
        QTest::addRow("both empty") << QByteArray() << QByteArray() << true;
        QTest::addRow("same") << QByteArray("secret") << QByteArray("secret") << true;
        QTest::addRow("first byte differs")
            << QByteArray("xecret") << QByteArray("secret") << false;
        QTest::addRow("last byte differs") << QByteArray("secreT") << QByteArray("secret") << false;
        QTest::addRow("prefix") << QByteArray("secre") << QByteArray("secret") << false;
        QTest::addRow("longer") << QByteArray("secrets") << QByteArray("secret") << false;
        QTest::addRow("empty vs key") << QByteArray() << QByteArray("secret") << false;
        QTest::addRow("key vs empty") << QByteArray("secret") << QByteArray() << false;
        // The padding of the shorter side must not make "abc" equal "abc\0".
        QTest::addRow("trailing NUL") << QByteArray("abc", 3) << QByteArray("abc\0", 4) << false;
        QTest::addRow("high bytes") << QByteArray("\xff\x80") << QByteArray("\xff\x80") << true;
        QTest::addRow("case") << QByteArray("ABC") << QByteArray("abc") << false;
    }

    void constantTimeEquals()
    {
        QFETCH(QByteArray, a);
        QFETCH(QByteArray, b);
        QFETCH(bool, equal);
        QCOMPARE(hookbench::constantTimeEquals(a, b), equal);
        QCOMPARE(hookbench::constantTimeEquals(b, a), equal);
    }

    void fingerprint()
    {
        const QByteArray key("0123456789abcdef");
        const QString expected = QString::fromLatin1(
            QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex().left(12));
        QCOMPARE(StaticKeyVerifier::fingerprint(key), expected);
        QCOMPARE(StaticKeyVerifier::fingerprint(key).size(), 12);
        QVERIFY(!StaticKeyVerifier::fingerprint(key).contains(QLatin1String("0123456789")));
    }

    void verify_data()
    {
        QTest::addColumn<QList<QByteArray>>("keys");
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<bool>("present");
        QTest::addColumn<AuthOutcome>("outcome");
        QTest::addColumn<int>("matchedKey"); // index into keys, -1 for none

        const QList<QByteArray> none;
        const QList<QByteArray> one{"k1-secret"};
        const QList<QByteArray> three{"alpha", "bravo", "charlie"};
        QTest::addRow("no keys, no header")
            << none << QByteArray() << false << AuthOutcome::NotRequired << -1;
        QTest::addRow("no keys, any header")
            << none << QByteArray("x") << true << AuthOutcome::NotRequired << -1;
        QTest::addRow("missing") << one << QByteArray() << false << AuthOutcome::Missing << -1;
        QTest::addRow("present but empty")
            << one << QByteArray() << true << AuthOutcome::Failed << -1;
        QTest::addRow("match") << one << QByteArray("k1-secret") << true << AuthOutcome::Ok << 0;
        QTest::addRow("wrong") << one << QByteArray("k1-secreT") << true << AuthOutcome::Failed
                               << -1;
        QTest::addRow("prefix") << one << QByteArray("k1-secre") << true << AuthOutcome::Failed
                                << -1;
        QTest::addRow("with trailing space")
            << one << QByteArray("k1-secret ") << true << AuthOutcome::Failed << -1;
        QTest::addRow("first of three")
            << three << QByteArray("alpha") << true << AuthOutcome::Ok << 0;
        QTest::addRow("middle of three")
            << three << QByteArray("bravo") << true << AuthOutcome::Ok << 1;
        QTest::addRow("last of three")
            << three << QByteArray("charlie") << true << AuthOutcome::Ok << 2;
        QTest::addRow("none of three")
            << three << QByteArray("delta") << true << AuthOutcome::Failed << -1;
        QTest::addRow("three, missing")
            << three << QByteArray() << false << AuthOutcome::Missing << -1;
    }

    void verify()
    {
        QFETCH(QList<QByteArray>, keys);
        QFETCH(QByteArray, header);
        QFETCH(bool, present);
        QFETCH(AuthOutcome, outcome);
        QFETCH(int, matchedKey);

        const StaticKeyVerifier verifier(keys);
        QCOMPARE(verifier.isEmpty(), keys.isEmpty());
        const AuthResult result = verifier.verify(header, present);
        QCOMPARE(authOutcomeName(result.outcome), authOutcomeName(outcome));
        if (matchedKey >= 0)
            QCOMPARE(result.keyId, StaticKeyVerifier::fingerprint(keys.at(matchedKey)));
        else
            QVERIFY(result.keyId.isEmpty());
    }

    void loadKeyFile_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QList<QByteArray>>("keys");

        QTest::addRow("one key") << QByteArray("abc123\n") << QList<QByteArray>{"abc123"};
        QTest::addRow("no final newline") << QByteArray("abc123") << QList<QByteArray>{"abc123"};
        QTest::addRow("comments and blanks")
            << QByteArray("# staging\n\nkey-one\n   \n# prod\nkey-two\n")
            << QList<QByteArray>{"key-one", "key-two"};
        QTest::addRow("CRLF") << QByteArray("k1\r\nk2\r\n") << QList<QByteArray>{"k1", "k2"};
        QTest::addRow("surrounding whitespace trimmed")
            << QByteArray("  \tk1  \n") << QList<QByteArray>{"k1"};
        QTest::addRow("BOM") << QByteArray("\xEF\xBB\xBFk1\n") << QList<QByteArray>{"k1"};
        QTest::addRow("punctuation") << QByteArray("a!#$%&'()*+,-./:;<=>?@[]^_`{|}~\n")
                                     << QList<QByteArray>{"a!#$%&'()*+,-./:;<=>?@[]^_`{|}~"};
    }

    void loadKeyFile()
    {
        QFETCH(QByteArray, content);
        QFETCH(QList<QByteArray>, keys);
        const KeyLoadResult result = hookbench::loadKeyFile(writeFile(content));
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QCOMPARE(result.keys, keys);
    }

    void loadKeyFileErrors_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected");  // after "key file PATH"
        QTest::addColumn<QByteArray>("secret"); // must never appear in the message

        QTest::addRow("empty file")
            << QByteArray() << QStringLiteral(" contains no keys") << QByteArray();
        QTest::addRow("only comments") << QByteArray("# nothing here\n\n  \n")
                                       << QStringLiteral(" contains no keys") << QByteArray();
        QTest::addRow("space inside")
            << QByteArray("good\nZq9 Xw7\n")
            << QStringLiteral(", line 2: whitespace inside a key at column 4") << QByteArray("Zq9");
        QTest::addRow("tab inside")
            << QByteArray("\n\n\nZq9\tXw7\n") << QStringLiteral(", line 4: whitespace inside a key")
            << QByteArray("Zq9");
        QTest::addRow("control char")
            << QByteArray("Zq\x01y\n") << QStringLiteral(", line 1: non-printable")
            << QByteArray("Zq");
        QTest::addRow("non-ASCII") << QByteArray("# x\nZq9w\xC3\xA9t\n")
                                   << QStringLiteral(", line 2: non-printable or non-ASCII "
                                                     "character at column 5")
                                   << QByteArray("Zq9w");
        QTest::addRow("indented bad key column")
            << QByteArray("   Zq\x7F\n") << QStringLiteral(", line 1: non-printable")
            << QByteArray("Zq");
        QTest::addRow("NUL byte") << QByteArray("Zq\0Xw\n", 6)
                                  << QStringLiteral(", line 1: non-printable") << QByteArray("Xw");
    }

    void loadKeyFileErrors()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        QFETCH(QByteArray, secret);
        const QString path = writeFile(content);
        const KeyLoadResult result = hookbench::loadKeyFile(path);
        QVERIFY(result.keys.isEmpty());
        QVERIFY2(result.error.startsWith(QLatin1String("key file ") + path + expected),
                 qPrintable(result.error));
        if (!secret.isEmpty())
            QVERIFY2(!result.error.contains(QString::fromLatin1(secret)), qPrintable(result.error));
        QVERIFY(!result.error.contains(QLatin1Char('\n')));
    }

    void loadKeyFileUnreadable_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addRow("missing") << m_dir.filePath(QStringLiteral("does-not-exist"));
        QTest::addRow("directory") << m_dir.path();
    }

    void loadKeyFileUnreadable()
    {
        QFETCH(QString, path);
        const KeyLoadResult result = hookbench::loadKeyFile(path);
        QVERIFY(result.keys.isEmpty());
        const QString prefix = QLatin1String("cannot read key file ") + path + QLatin1String(": ");
        QVERIFY2(result.error.startsWith(prefix), qPrintable(result.error));
        QVERIFY(result.error.size() > prefix.size()); // a reason follows
    }

    void parseKeyList_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QList<QByteArray>>("keys");
        QTest::addRow("empty") << QByteArray() << QList<QByteArray>{};
        QTest::addRow("separators only") << QByteArray(" ,\t,\n ") << QList<QByteArray>{};
        QTest::addRow("one") << QByteArray("k1") << QList<QByteArray>{"k1"};
        QTest::addRow("commas") << QByteArray("k1,k2,k3") << QList<QByteArray>{"k1", "k2", "k3"};
        QTest::addRow("spaces") << QByteArray("k1 k2\tk3\nk4")
                                << QList<QByteArray>{"k1", "k2", "k3", "k4"};
        QTest::addRow("mixed and doubled")
            << QByteArray(" ,k1, ,k2,,  k3 ,") << QList<QByteArray>{"k1", "k2", "k3"};
    }

    void parseKeyList()
    {
        QFETCH(QByteArray, text);
        QFETCH(QList<QByteArray>, keys);
        QCOMPARE(hookbench::parseKeyList(text), keys);
    }
};

QTEST_GUILESS_MAIN(TestKeyVerifier)
#include "tst_keyverifier.moc"
