// EndpointStore: the endpoints table in the event database, its rules (names, paths, colours,
// answers, forwarding, clashes), and remove/rename across every table keyed by endpoint.
#include "auth/keyringstore.h"
#include "endpoints/endpointstore.h"
#include "settingsstoresupport.h"

using namespace hookbench;
using storetest::RawConnection;

Q_DECLARE_METATYPE(hookbench::Endpoint)

namespace {

Endpoint endpoint(const QString &name, const QString &path, quint16 port = 0)
{
    Endpoint result;
    result.name = name;
    result.path = path;
    result.port = port;
    return result;
}

Endpoint fullEndpoint()
{
    Endpoint staging = endpoint(QStringLiteral("staging"), QStringLiteral("/vwo/staging"), 4100);
    staging.colour = QStringLiteral("#26a269");
    staging.response.status = 503;
    staging.response.body = "down for maintenance";
    staging.response.delayMs = 1500;
    staging.forward.url = QUrl(QStringLiteral("http://localhost:3000/hooks/vwo"));
    staging.forward.followAnswer = true;
    staging.forward.timeoutMs = 2500;
    return staging;
}

QStringList names(const QList<Endpoint> &endpoints)
{
    QStringList result;
    for (const Endpoint &e : endpoints)
        result.append(e.name);
    return result;
}

} // namespace

class TestEndpointStore : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<EndpointStore> m_store;

    QString dbPath() const { return m_dir->filePath(QStringLiteral("events.sqlite")); }
    EndpointStore &store() { return *m_store; }
    QList<Endpoint> all()
    {
        QList<Endpoint> endpoints;
        const QString error = store().load(&endpoints);
        if (!error.isEmpty())
            qWarning("%s", qPrintable(error));
        return endpoints;
    }
    // Rows of `table` whose endpoint column is `name`.
    qint64 rows(const QString &table, const QString &name)
    {
        RawConnection raw(dbPath());
        return raw
            .value(QStringLiteral("SELECT COUNT(*) FROM %1 WHERE endpoint = '%2'").arg(table, name))
            .toLongLong();
    }
    qint64 count(const QString &sql)
    {
        RawConnection raw(dbPath());
        return raw.value(sql).toLongLong();
    }

    // Three events, a key, a settings version (with a fetch tied to an event) and a profile for
    // `name`; one event and a key for the default endpoint.
    void seed(const QString &name)
    {
        EventStore events;
        QCOMPARE(events.open(dbPath()), QString());
        QList<Event> batch = storetest::makeBatch(4);
        for (int i = 0; i < 3; ++i)
            batch[i].endpoint = name;
        events.append(batch);
        QCOMPARE(events.count(), 4);
        const QList<Event> stored = events.latest(4);
        events.close();

        KeyRingStore keys;
        QCOMPARE(keys.open(dbPath()), QString());
        for (const QString &owner : {name, QStringLiteral("default")}) {
            KeyInfo key;
            key.id = QStringLiteral("id-") + owner;
            key.endpoint = owner;
            key.created = QDateTime::currentDateTimeUtc();
            QString replaced;
            QCOMPARE(keys.addKey(key, {}, &replaced), QString());
        }
        keys.close();

        SettingsVersionStore settings;
        QCOMPARE(settings.open(dbPath()), QString());
        FetchRecord recorded;
        QCOMPARE(settings.importFile(name, QStringLiteral("settings.json"),
                                     fixture("ab-campaign-two-variations.json"), &recorded),
                 QString());
        QVERIFY2(recorded.error.isEmpty(), qPrintable(recorded.error));
        FetchRecord failed = settingstest::fetch({stored.last().id}, QStringLiteral("timed out"));
        failed.endpoint = name;
        QCOMPARE(settings.recordFetch(failed, {}), QString());
        AccountProfile profile;
        profile.endpoint = name;
        profile.accountId = QStringLiteral("888888");
        QCOMPARE(settings.saveProfile(profile), QString());
        settings.close();
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_store = std::make_unique<EndpointStore>();
        QCOMPARE(store().open(dbPath()), QString());
    }
    void cleanup()
    {
        m_store.reset();
        m_dir.reset();
    }

    void defaultEndpointExists()
    {
        const QList<Endpoint> endpoints = all();
        QCOMPARE(endpoints.size(), 1);
        QCOMPARE(endpoints.first(), Endpoint::defaultEndpoint());
        QVERIFY(endpoints.first().isDefault());
        Endpoint found;
        QCOMPARE(store().find(QStringLiteral("default"), &found), QString());
        QCOMPARE(found.path, QStringLiteral("/vwo-webhook"));
        // Opening again (another process) adds no second default.
        EndpointStore second;
        QCOMPARE(second.open(dbPath()), QString());
        QList<Endpoint> again;
        QCOMPARE(second.load(&again), QString());
        QCOMPARE(again.size(), 1);
    }

    void addsAndFinds()
    {
        const Endpoint staging = fullEndpoint();
        QCOMPARE(store().add(staging), QString());
        const Endpoint qa = endpoint(QStringLiteral("qa"), QStringLiteral("/vwo/qa"));
        QCOMPARE(store().add(qa), QString());
        QCOMPARE(names(all()), (QStringList{QStringLiteral("default"), QStringLiteral("staging"),
                                            QStringLiteral("qa")}));
        Endpoint found;
        QCOMPARE(store().find(QStringLiteral("staging"), &found), QString());
        QCOMPARE(found, staging); // every field survives the table
        QCOMPARE(store().find(QStringLiteral("prod"), &found),
                 QStringLiteral("no endpoint named 'prod' (endpoints: default, staging, qa)"));
        // The same path on a port of its own is another address.
        QCOMPARE(
            store().add(endpoint(QStringLiteral("own-port"), QStringLiteral("/vwo-webhook"), 4200)),
            QString());
    }

    void refusesBadEndpoints_data()
    {
        QTest::addColumn<Endpoint>("endpoint");
        QTest::addColumn<QString>("message"); // a part of the refusal
        const auto with = [](const std::function<void(Endpoint &)> &change) {
            Endpoint e = endpoint(QStringLiteral("staging"), QStringLiteral("/vwo/staging"));
            change(e);
            return e;
        };
        QTest::addRow("empty name") << with([](Endpoint &e) { e.name.clear(); })
                                    << QStringLiteral("the endpoint name is empty");
        QTest::addRow("slash in name") << with([](Endpoint &e) { e.name = QStringLiteral("a/b"); })
                                       << QStringLiteral("character 2");
        QTest::addRow("long name") << with([](Endpoint &e) { e.name = QString(65, u'x'); })
                                   << QStringLiteral("longer than 64 characters");
        QTest::addRow("empty path")
            << with([](Endpoint &e) { e.path.clear(); }) << QStringLiteral("the path is empty");
        QTest::addRow("relative path") << with([](Endpoint &e) { e.path = QStringLiteral("vwo"); })
                                       << QStringLiteral("path 'vwo' must start with '/'");
        QTest::addRow("space in path")
            << with([](Endpoint &e) { e.path = QStringLiteral("/vwo hook"); })
            << QStringLiteral("character 5 must not be a space");
        QTest::addRow("query in path") << with([](Endpoint &e) { e.path = QStringLiteral("/a?b"); })
                                       << QStringLiteral("must not be '?'");
        QTest::addRow("long path")
            << with([](Endpoint &e) { e.path = QLatin1Char('/') + QString(200, u'p'); })
            << QStringLiteral("201 characters long");
        QTest::addRow("colour name") << with([](Endpoint &e) { e.colour = QStringLiteral("red"); })
                                     << QStringLiteral("colour 'red' is not of the form #rrggbb");
        QTest::addRow("short colour")
            << with([](Endpoint &e) { e.colour = QStringLiteral("#12345"); })
            << QStringLiteral("#rrggbb");
        QTest::addRow("status 42") << with([](Endpoint &e) { e.response.status = 42; })
                                   << QStringLiteral("response status 42 is not an HTTP status");
        QTest::addRow("status 600") << with([](Endpoint &e) { e.response.status = 600; })
                                    << QStringLiteral("response status 600");
        QTest::addRow("negative delay") << with([](Endpoint &e) { e.response.delayMs = -1; })
                                        << QStringLiteral("response delay -1 ms is outside");
        QTest::addRow("huge body")
            << with([](Endpoint &e) { e.response.body = QByteArray(64 * 1024 + 1, 'b'); })
            << QStringLiteral("response body is 65537 bytes");
        QTest::addRow("ftp forward")
            << with([](Endpoint &e) { e.forward.url = QUrl(QStringLiteral("ftp://host/x")); })
            << QStringLiteral("forward URL must start with http:// or https://");
        QTest::addRow("forward without host")
            << with([](Endpoint &e) { e.forward.url = QUrl(QStringLiteral("http:/x")); })
            << QStringLiteral("has no host");
        QTest::addRow("forward timeout") << with([](Endpoint &e) {
            e.forward.url = QUrl(QStringLiteral("http://localhost:3000/"));
            e.forward.timeoutMs = 50;
        }) << QStringLiteral("forward timeout 50 ms is outside");
        QTest::addRow("taken name") << with([](Endpoint &e) { e.name = QStringLiteral("default"); })
                                    << QStringLiteral("an endpoint named 'default' exists already");
        QTest::addRow("clash with default")
            << with([](Endpoint &e) { e.path = QStringLiteral("/vwo-webhook"); })
            << QStringLiteral("default and staging both use /vwo-webhook on the receiver's port");
    }
    void refusesBadEndpoints()
    {
        QFETCH(Endpoint, endpoint);
        QFETCH(QString, message);
        const QString error = store().add(endpoint);
        QVERIFY2(error.contains(message), qPrintable(error));
        QCOMPARE(all().size(), 1); // nothing was added
    }

    void updates()
    {
        QCOMPARE(store().add(endpoint(QStringLiteral("staging"), QStringLiteral("/vwo/staging"))),
                 QString());
        QCOMPARE(store().add(endpoint(QStringLiteral("qa"), QStringLiteral("/vwo/qa"))), QString());
        Endpoint staging = fullEndpoint();
        QCOMPARE(store().update(staging), QString());
        Endpoint found;
        QCOMPARE(store().find(QStringLiteral("staging"), &found), QString());
        QCOMPARE(found, staging);
        // Back to no override and no forwarding: the empty values are stored as such.
        staging.response = ResponseOverride();
        staging.forward = ForwardTarget();
        staging.colour.clear();
        QCOMPARE(store().update(staging), QString());
        QCOMPARE(store().find(QStringLiteral("staging"), &found), QString());
        QCOMPARE(found, staging);

        Endpoint qa = endpoint(QStringLiteral("qa"), QStringLiteral("/vwo/staging"), 4100);
        QCOMPARE(store().update(qa),
                 QStringLiteral("staging and qa both use /vwo/staging on port 4100"));
        QCOMPARE(store().update(endpoint(QStringLiteral("prod"), QStringLiteral("/p"))),
                 QStringLiteral("no endpoint named 'prod'"));
        // The default endpoint may change its path.
        QCOMPARE(store().update(endpoint(QStringLiteral("default"), QStringLiteral("/hook"))),
                 QString());
        QCOMPARE(all().first().path, QStringLiteral("/hook"));
    }

    void appliesAsAWhole()
    {
        QCOMPARE(store().add(endpoint(QStringLiteral("a"), QStringLiteral("/a"))), QString());
        QCOMPARE(store().add(endpoint(QStringLiteral("b"), QStringLiteral("/b"))), QString());
        // Swapping two paths only works all at once.
        QCOMPARE(store().apply({endpoint(QStringLiteral("a"), QStringLiteral("/b")),
                                endpoint(QStringLiteral("b"), QStringLiteral("/a")),
                                endpoint(QStringLiteral("c"), QStringLiteral("/c"))}),
                 QString());
        QList<Endpoint> endpoints = all();
        QCOMPARE(names(endpoints), (QStringList{QStringLiteral("default"), QStringLiteral("a"),
                                                QStringLiteral("b"), QStringLiteral("c")}));
        QCOMPARE(endpoints.at(1).path, QStringLiteral("/b"));
        QCOMPARE(endpoints.at(2).path, QStringLiteral("/a"));
        // A clash or a bad endpoint anywhere: nothing changes.
        QCOMPARE(store().apply({endpoint(QStringLiteral("d"), QStringLiteral("/d")),
                                endpoint(QStringLiteral("e"), QStringLiteral("/c"))}),
                 QStringLiteral("c and e both use /c on the receiver's port"));
        QVERIFY(store()
                    .apply({endpoint(QStringLiteral("d"), QStringLiteral("/d")),
                            endpoint(QStringLiteral("e"), QStringLiteral("e"))})
                    .contains(QStringLiteral("must start with '/'")));
        QCOMPARE(all(), endpoints);
    }

    void defaultCannotBeRemovedOrRenamed()
    {
        QCOMPARE(store().remove(QStringLiteral("default"), true),
                 QStringLiteral("the default endpoint cannot be removed"));
        QCOMPARE(store().remove(QStringLiteral("default"), false),
                 QStringLiteral("the default endpoint cannot be removed"));
        QCOMPARE(store().rename(QStringLiteral("default"), QStringLiteral("prod")),
                 QStringLiteral("the default endpoint cannot be renamed"));
        QCOMPARE(all(), QList<Endpoint>{Endpoint::defaultEndpoint()});
        QCOMPARE(store().remove(QStringLiteral("nope"), true),
                 QStringLiteral("no endpoint named 'nope' (endpoints: default)"));
    }

    void removes_data()
    {
        QTest::addColumn<bool>("keepEvents");
        QTest::addRow("keeping events") << true;
        QTest::addRow("deleting events") << false;
    }
    void removes()
    {
        QFETCH(bool, keepEvents);
        QCOMPARE(store().add(endpoint(QStringLiteral("staging"), QStringLiteral("/vwo/staging"))),
                 QString());
        seed(QStringLiteral("staging"));
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(rows(QStringLiteral("settings_versions"), QStringLiteral("staging")), 1);
        QCOMPARE(rows(QStringLiteral("settings_fetches"), QStringLiteral("staging")), 2);

        QCOMPARE(store().remove(QStringLiteral("staging"), keepEvents), QString());
        QCOMPARE(names(all()), QStringList{QStringLiteral("default")});
        const qint64 history = keepEvents ? 1 : 0;
        QCOMPARE(rows(QStringLiteral("events"), QStringLiteral("staging")), 3 * history);
        QCOMPARE(rows(QStringLiteral("settings_versions"), QStringLiteral("staging")), history);
        QCOMPARE(rows(QStringLiteral("settings_fetches"), QStringLiteral("staging")), 2 * history);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM settings_fetch_events")), history);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM settings_blobs")), history);
        // Keys, their audit and the profile go either way.
        QCOMPARE(rows(QStringLiteral("keys"), QStringLiteral("staging")), 0);
        QCOMPARE(rows(QStringLiteral("key_audit"), QStringLiteral("staging")), 0);
        QCOMPARE(rows(QStringLiteral("settings_profiles"), QStringLiteral("staging")), 0);
        // The default endpoint's rows are untouched.
        QCOMPARE(rows(QStringLiteral("events"), QStringLiteral("default")), 1);
        QCOMPARE(rows(QStringLiteral("keys"), QStringLiteral("default")), 1);
        QHash<QString, qint64> counts;
        QCOMPARE(store().eventCounts(&counts), QString());
        QCOMPARE(counts.value(QStringLiteral("staging")), 3 * history);
        QCOMPARE(counts.value(QStringLiteral("default")), 1);
    }

    void renamesEveryKeyedTable()
    {
        QCOMPARE(store().add(fullEndpoint()), QString());
        seed(QStringLiteral("staging"));
        if (QTest::currentTestFailed())
            return;
        const QStringList tables{
            QStringLiteral("events"),           QStringLiteral("keys"),
            QStringLiteral("key_audit"),        QStringLiteral("settings_versions"),
            QStringLiteral("settings_fetches"), QStringLiteral("settings_profiles")};
        QHash<QString, qint64> before;
        for (const QString &table : tables) {
            before.insert(table, rows(table, QStringLiteral("staging")));
            QVERIFY2(before.value(table) > 0, qPrintable(table));
        }
        QCOMPARE(store().rename(QStringLiteral("staging"), QStringLiteral("preprod")), QString());
        for (const QString &table : tables) {
            QCOMPARE(rows(table, QStringLiteral("staging")), 0);
            QCOMPARE(rows(table, QStringLiteral("preprod")), before.value(table));
        }
        Endpoint renamed;
        QCOMPARE(store().find(QStringLiteral("preprod"), &renamed), QString());
        Endpoint expected = fullEndpoint();
        expected.name = QStringLiteral("preprod");
        QCOMPARE(renamed, expected);
        QCOMPARE(names(all()), (QStringList{QStringLiteral("default"), QStringLiteral("preprod")}));
        SettingsVersionStore settings;
        QCOMPARE(settings.open(dbPath()), QString());
        AccountProfile profile;
        QCOMPARE(settings.profile(QStringLiteral("preprod"), &profile), QString());
        QCOMPARE(profile.accountId, QStringLiteral("888888"));
    }

    void refusesBadRenames()
    {
        QCOMPARE(store().add(endpoint(QStringLiteral("staging"), QStringLiteral("/s"))), QString());
        QCOMPARE(store().rename(QStringLiteral("staging"), QStringLiteral("default")),
                 QStringLiteral("an endpoint named 'default' exists already"));
        QVERIFY(store()
                    .rename(QStringLiteral("staging"), QStringLiteral("a b"))
                    .contains(QStringLiteral("character 2")));
        QCOMPARE(store().rename(QStringLiteral("nope"), QStringLiteral("x")),
                 QStringLiteral("no endpoint named 'nope' (endpoints: default, staging)"));
        QCOMPARE(store().rename(QStringLiteral("staging"), QStringLiteral("staging")), QString());
        QCOMPARE(names(all()), (QStringList{QStringLiteral("default"), QStringLiteral("staging")}));
    }

    void dataVersionFollowsOtherConnections()
    {
        const qint64 before = store().dataVersion();
        QVERIFY(before >= 0);
        EndpointStore other;
        QCOMPARE(other.open(dbPath()), QString());
        QCOMPARE(other.add(endpoint(QStringLiteral("staging"), QStringLiteral("/s"))), QString());
        QVERIFY(store().dataVersion() != before);
        QCOMPARE(all().size(), 2);
    }

    void refusesWhenClosed()
    {
        store().close();
        QList<Endpoint> endpoints;
        QVERIFY(!store().load(&endpoints).isEmpty());
        QVERIFY(!store().add(endpoint(QStringLiteral("x"), QStringLiteral("/x"))).isEmpty());
        QCOMPARE(store().dataVersion(), -1);
    }
};

QTEST_GUILESS_MAIN(TestEndpointStore)
#include "tst_endpointstore.moc"
