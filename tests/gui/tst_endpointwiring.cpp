// What the app's main() runs the receiver with (endpointwiring.h), the one-time move of the
// receiver's path and override into the default endpoint, and Export/Import Configuration.
#include "appsettings.h"
#include "endpointtestsupport.h"
#include "endpointtransfer.h"
#include "endpointwiring.h"

#include <QFile>
#include <QSettings>

using namespace hookbench;
using namespace endpointtest;

class TestEndpointWiring : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { m_fixture = std::make_unique<Fixture>(); }
    void cleanup() { m_fixture.reset(); }
    void legacySettingsMoveToDefaultEndpoint()
    {
        QSettings ini(m_fixture->dir.filePath(QStringLiteral("legacy.ini")), QSettings::IniFormat);
        ini.setValue(QStringLiteral("receiver/path"), QStringLiteral("/legacy"));
        ini.setValue(QStringLiteral("receiver/responseStatus"), 503);
        ini.setValue(QStringLiteral("receiver/port"), 4100);
        AppSettings settings(&ini);
        QCOMPARE(migrateLegacyEndpointSettings(settings, *m_fixture->directory), QString());
        const Endpoint migrated = *m_fixture->directory->endpoint(QStringLiteral("default"));
        QCOMPARE(migrated.path, QStringLiteral("/legacy"));
        QCOMPARE(migrated.response.status, 503);
        QVERIFY(!ini.contains(QStringLiteral("receiver/path")));
        QVERIFY(!ini.contains(QStringLiteral("receiver/responseStatus")));
        QCOMPARE(ini.value(QStringLiteral("receiver/port")).toInt(), 4100); // not the endpoint's

        // Once only: a later change of the endpoint is not undone.
        Endpoint changed = migrated;
        changed.path = QStringLiteral("/vwo-webhook");
        QCOMPARE(m_fixture->directory->update(changed), QString());
        QCOMPARE(migrateLegacyEndpointSettings(settings, *m_fixture->directory), QString());
        QCOMPARE(m_fixture->directory->endpoint(QStringLiteral("default"))->path,
                 QStringLiteral("/vwo-webhook"));

        // A path that clashes stays in the file, to try again.
        ini.setValue(QStringLiteral("receiver/path"), QStringLiteral("/vwo/staging"));
        QVERIFY(!migrateLegacyEndpointSettings(settings, *m_fixture->directory).isEmpty());
        QVERIFY(ini.contains(QStringLiteral("receiver/path")));
    }

    void routesCompareForRestart()
    {
        ReceiverConfig base;
        const ReceiverConfig a = routedConfig(base, m_fixture->directory->endpoints(), nullptr);
        QCOMPARE(a.otherEndpoints.size(), 1);
        QCOMPARE(a.otherEndpoints.first().path, QStringLiteral("/vwo/staging"));
        QVERIFY(
            sameReceiverSetup(a, routedConfig(base, m_fixture->directory->endpoints(), nullptr)));
        Endpoint staging = *m_fixture->directory->endpoint(QStringLiteral("staging"));
        staging.colour = QStringLiteral("#26a269"); // the receiver does not care
        QCOMPARE(m_fixture->directory->update(staging), QString());
        QVERIFY(
            sameReceiverSetup(a, routedConfig(base, m_fixture->directory->endpoints(), nullptr)));
        staging.path = QStringLiteral("/vwo/staging2");
        QCOMPARE(m_fixture->directory->update(staging), QString());
        QVERIFY(
            !sameReceiverSetup(a, routedConfig(base, m_fixture->directory->endpoints(), nullptr)));
    }

    void exportImportRoundTrip()
    {
        const QString file = m_fixture->dir.filePath(QStringLiteral("endpoints.json"));
        QCOMPARE(EndpointTransfer::exportTo(file, m_fixture->directory.get()), QString());

        // Another member's fresh database: the import adds staging and changes nothing else.
        QTemporaryDir other;
        SecretStore::Options options;
        options.useKeychain = false;
        options.fallbackPath = other.filePath(QStringLiteral("secrets.json"));
        SecretStore secrets(options);
        EndpointDirectory directory(&secrets);
        QCOMPARE(directory.open(other.filePath(QStringLiteral("db.sqlite"))), QString());
        EndpointTransfer::Plan plan;
        QCOMPARE(EndpointTransfer::planImport(file, &directory, &plan), QString());
        QCOMPARE(plan.added.size(), 1);
        QCOMPARE(plan.added.first().name, QStringLiteral("staging"));
        QCOMPARE(plan.updated.size(), 0);
        QCOMPARE(plan.unchanged.size(), 1);
        QVERIFY(EndpointTransfer::describe(plan).contains(
            QStringLiteral("Add staging at /vwo/staging")));
        QCOMPARE(EndpointTransfer::apply(plan, &directory), QStringList());
        QCOMPARE(directory.endpoints(), m_fixture->directory->endpoints());
        QCOMPARE(EndpointTransfer::planImport(file, &directory, &plan), QString());
        QVERIFY(plan.isEmpty());

        // A broken file names the place.
        QFile broken(file);
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write(
            "{\"hookbench\": \"endpoints\", \"version\": 1, \"endpoints\": [\n  {\"name\": "
            "\"x\", \"path\": \"nope\"}]}");
        broken.close();
        const QString error = EndpointTransfer::planImport(file, &directory, &plan);
        QVERIFY2(error.contains(QStringLiteral("endpoints[0]")), qPrintable(error));
    }

private:
    std::unique_ptr<Fixture> m_fixture;
};

QTEST_MAIN(TestEndpointWiring)
#include "tst_endpointwiring.moc"
