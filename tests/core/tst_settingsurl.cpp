#include "settings/settingsurl.h"

#include <QTest>
#include <QUrlQuery>

using namespace hookbench;

namespace {
const QString Key = QStringLiteral("0123456789abcdef0123456789abcdef");
const QString Account = QStringLiteral("123456");
} // namespace

class TestSettingsUrl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void buildsTheSettingsUrl()
    {
        QString error = QStringLiteral("unset");
        const QUrl url =
            SettingsUrl::build(QString(), SettingsPath::Settings, Account, Key, 0.25, &error);
        QCOMPARE(error, QString());
        QCOMPARE(url.toEncoded(),
                 QByteArray("https://dev.visualwebsiteoptimizer.com/server-side/settings"
                            "?a=123456&i=0123456789abcdef0123456789abcdef"
                            "&r=0.2500000000000000&platform=server&api-version=1"
                            "&sdk=hookbench&sdk-v=" HOOKBENCH_VERSION));
    }

    void pullPathAndPrefix()
    {
        const QUrl url = SettingsUrl::build(QStringLiteral("http://proxy.example:8080/vwo/"),
                                            SettingsPath::Pull, Account, Key, 0.5);
        QCOMPARE(url.scheme(), QStringLiteral("http"));
        QCOMPARE(url.host(), QStringLiteral("proxy.example"));
        QCOMPARE(url.port(), 8080);
        QCOMPARE(url.path(), QStringLiteral("/vwo/server-side/pull"));
    }

    void randomDiffersAndIsAFraction()
    {
        const QUrl one = SettingsUrl::build(QString(), SettingsPath::Settings, Account, Key);
        const QUrl two = SettingsUrl::build(QString(), SettingsPath::Settings, Account, Key);
        const QString r1 = QUrlQuery(one).queryItemValue(QStringLiteral("r"));
        const QString r2 = QUrlQuery(two).queryItemValue(QStringLiteral("r"));
        QVERIFY(r1 != r2);
        bool ok = false;
        const double value = r1.toDouble(&ok);
        QVERIFY(ok);
        QVERIFY(value >= 0.0 && value < 1.0);
    }

    void keyIsPercentEncoded()
    {
        const QString key = QStringLiteral("a+b&c=d%e/f?g#h");
        const QUrl url = SettingsUrl::build(QString(), SettingsPath::Settings, Account, key, 0.1);
        QVERIFY(url.isValid());
        QVERIFY(url.toEncoded().contains("i=a%2Bb%26c%3Dd%25e%2Ff%3Fg%23h&"));
        QCOMPARE(QUrlQuery(url).queryItemValue(QStringLiteral("i"), QUrl::FullyDecoded), key);
        QCOMPARE(QUrl::fromEncoded(url.toEncoded()), url);
    }

    void redacted()
    {
        const QString key = QStringLiteral("a+b&c=d%e");
        const QUrl url = SettingsUrl::build(QStringLiteral("https://proxy.example/p"),
                                            SettingsPath::Pull, Account, key, 0.75);
        const QString text = SettingsUrl::redactedString(url);
        QCOMPARE(text, QStringLiteral("https://proxy.example/p/server-side/pull?a=123456"
                                      "&i=REDACTED&r=0.7500000000000000&platform=server"
                                      "&api-version=1&sdk=hookbench&sdk-v=" HOOKBENCH_VERSION));
        QVERIFY(!SettingsUrl::redacted(url).toString().contains(QStringLiteral("a+b")));
        // Every "i", however spelt, and a password.
        const QUrl odd(QStringLiteral("https://u:pw@h.example/x?%69=secret&i=again&ii=kept"));
        QCOMPARE(SettingsUrl::redactedString(odd),
                 QStringLiteral("https://u@h.example/x?i=REDACTED&i=REDACTED&ii=kept"));
        // Nothing to redact: unchanged.
        const QUrl plain(QStringLiteral("https://h.example/x"));
        QCOMPARE(SettingsUrl::redacted(plain), plain);
    }

    void baseUrlProblems_data()
    {
        QTest::addColumn<QString>("base");
        QTest::addColumn<QString>("error");
        QTest::addRow("default") << QStringLiteral("https://dev.visualwebsiteoptimizer.com")
                                 << QString();
        QTest::addRow("http with port and prefix")
            << QStringLiteral("http://127.0.0.1:8080/vwo") << QString();
        QTest::addRow("blank") << QStringLiteral("  ") << QStringLiteral("the base URL is empty");
        QTest::addRow("ftp") << QStringLiteral("ftp://example.com")
                             << QStringLiteral("the base URL must start with https:// or http://");
        QTest::addRow("no scheme")
            << QStringLiteral("dev.visualwebsiteoptimizer.com")
            << QStringLiteral("the base URL must start with https:// or http://");
        QTest::addRow("no host") << QStringLiteral("https:///x")
                                 << QStringLiteral("the base URL has no host");
        QTest::addRow("user info")
            << QStringLiteral("https://me:pw@example.com")
            << QStringLiteral("the base URL must not contain a user name or password");
        QTest::addRow("query") << QStringLiteral("https://example.com/?x=1")
                               << QStringLiteral("the base URL must not have a query (?…)");
        QTest::addRow("fragment") << QStringLiteral("https://example.com/#top")
                                  << QStringLiteral("the base URL must not have a fragment (#…)");
        QTest::addRow("bad port")
            << QStringLiteral("https://example.com:99999")
            << QStringLiteral(
                   "the base URL is not a valid URL (Invalid port or port number out of range)");
    }
    void baseUrlProblems()
    {
        QFETCH(QString, base);
        QFETCH(QString, error);
        QCOMPARE(SettingsUrl::checkBaseUrl(base), error);
        // build() takes a blank base as VWO's own; otherwise it reports the same problem.
        QString buildError;
        const QUrl url =
            SettingsUrl::build(base, SettingsPath::Settings, Account, Key, 0.5, &buildError);
        QCOMPARE(buildError, base.trimmed().isEmpty() ? QString() : error);
        QCOMPARE(url.isEmpty(), !buildError.isEmpty());
    }

    void accountIdProblems_data()
    {
        QTest::addColumn<QString>("account");
        QTest::addColumn<QString>("error");
        QTest::addRow("digits") << QStringLiteral("123456") << QString();
        QTest::addRow("empty") << QString() << QStringLiteral("the account id is empty");
        QTest::addRow("letter") << QStringLiteral("12a4")
                                << QStringLiteral(
                                       "the account id must be digits only (character 3 is \"a\")");
        QTest::addRow("space") << QStringLiteral(" 1234")
                               << QStringLiteral(
                                      "the account id must be digits only (character 1 is \" \")");
        QTest::addRow("negative")
            << QStringLiteral("-1")
            << QStringLiteral("the account id must be digits only (character 1 is \"-\")");
        QTest::addRow("too long") << QString(21, QLatin1Char('1'))
                                  << QStringLiteral("the account id is longer than 20 digits");
    }
    void accountIdProblems()
    {
        QFETCH(QString, account);
        QFETCH(QString, error);
        QCOMPARE(SettingsUrl::checkAccountId(account), error);
        QString buildError;
        SettingsUrl::build(QString(), SettingsPath::Settings, account, Key, 0.5, &buildError);
        QCOMPARE(buildError, error);
    }

    void sdkKeyProblems_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("error");
        QTest::addRow("hex") << Key << QString();
        QTest::addRow("punctuation") << QStringLiteral("a+b&c=d%e~!") << QString();
        QTest::addRow("empty") << QString() << QStringLiteral("the SDK key is empty");
        QTest::addRow("space") << QStringLiteral("secret key")
                               << QStringLiteral("the SDK key contains whitespace (character 7)");
        QTest::addRow("newline") << QStringLiteral("secret\n")
                                 << QStringLiteral("the SDK key contains whitespace (character 7)");
        QTest::addRow("control") << QStringLiteral("se\x01")
                                 << QStringLiteral("the SDK key contains a character that is not "
                                                   "printable ASCII (character 3)");
        QTest::addRow("non-ascii") << QStringLiteral("sécret")
                                   << QStringLiteral("the SDK key contains a character that is "
                                                     "not printable ASCII (character 2)");
        QTest::addRow("too long") << QString(513, QLatin1Char('k'))
                                  << QStringLiteral("the SDK key is longer than 512 characters");
    }
    void sdkKeyProblems()
    {
        QFETCH(QString, key);
        QFETCH(QString, error);
        QCOMPARE(SettingsUrl::checkSdkKey(key), error);
        QString buildError;
        const QUrl url =
            SettingsUrl::build(QString(), SettingsPath::Settings, Account, key, 0.5, &buildError);
        QCOMPARE(buildError, error);
        QCOMPARE(url.isEmpty(), !error.isEmpty());
        // The message never quotes the key.
        if (!key.isEmpty() && !error.isEmpty())
            QVERIFY(!error.contains(key));
    }
};

QTEST_GUILESS_MAIN(TestSettingsUrl)
#include "tst_settingsurl.moc"
