#include "auth/keysecret.h"
#include "keyringsupport.h"

#include <QRegularExpression>
#include <QSignalSpy>

using namespace hookbench;
using namespace keyringtest;

// KeyRing: generate, import, rotate with grace, revoke, labels, audit trail, usage, and the
// rule that secret values never reach SQLite.
class TestKeyRing : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Fixture> m_f;

    KeyRing &ring() { return *m_f->ring; }
    std::shared_ptr<KeyRingVerifier> verifier()
    {
        return ring().verifier(QStringLiteral("default"));
    }
    AuthOutcome check(const QByteArray &key) { return verifier()->verify(key, true).outcome; }

private Q_SLOTS:
    void init()
    {
        m_f = std::make_unique<Fixture>();
        QVERIFY(!QTest::currentTestFailed());
    }
    void cleanup() { m_f.reset(); }

    void generate()
    {
        QSignalSpy added(&ring(), &KeyRing::keyAdded);
        const KeyRing::Result result =
            ring().generateSync(QStringLiteral("default"), QStringLiteral(" production "));
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QVERIFY(QRegularExpression(QStringLiteral("^[0-9a-f]{64}$"))
                    .match(QString::fromLatin1(result.secret))
                    .hasMatch());
        QCOMPARE(result.key.id, StaticKeyVerifier::fingerprint(result.secret));
        QCOMPARE(result.key.label, QStringLiteral("production"));
        QCOMPARE(result.key.state, KeyState::Primary);
        QCOMPARE(result.key.origin, KeyOrigin::Generated);
        QCOMPARE(result.key.created, m_f->clock.now());
        QCOMPARE(added.size(), 1);
        QCOMPARE(m_f->storedSecret(QStringLiteral("default"), result.key.id), result.secret);
        QCOMPARE(check(result.secret), AuthOutcome::Ok);
        QCOMPARE(verifier()->verify(result.secret, true).keyId, result.key.id);

        // A second generate on the same endpoint is refused (rotate instead); it is random.
        const KeyRing::Result again = ring().generateSync(QStringLiteral("default"), {});
        QVERIFY(again.rejected);
        QVERIFY2(again.error.contains(QLatin1String("rotate")), qPrintable(again.error));
        const KeyRing::Result other = ring().generateSync(QStringLiteral("staging"), {});
        QVERIFY2(other.error.isEmpty(), qPrintable(other.error));
        QVERIFY(other.secret != result.secret);
        QCOMPARE(ring().keys(QStringLiteral("default")).size(), 1);
        QCOMPARE(ring().allKeys().size(), 2);
    }

    void importValidation_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QString>("error"); // empty: accepted
        QTest::addRow("empty") << QByteArray() << QStringLiteral("the key is empty");
        QTest::addRow("too short (15)")
            << QByteArray(15, 'a') << QStringLiteral("the key is 15 characters long, too short");
        QTest::addRow("shortest (16)") << QByteArray(16, 'b') << QString();
        QTest::addRow("longest (256)") << QByteArray(256, 'c') << QString();
        QTest::addRow("too long (257)")
            << QByteArray(257, 'd') << QStringLiteral("the key is 257 characters long, too long");
        QTest::addRow("all printable")
            << QByteArray("!\"#$%&'()*+,-./09:;<=>?@AZ[\\]^_`az{|}~") << QString();
        QTest::addRow("space") << QByteArray("0123456789abcdef ghij")
                               << QStringLiteral("character 17 is a space");
        QTest::addRow("tab") << QByteArray("\t0123456789abcdef")
                             << QStringLiteral("character 1 is a tab");
        QTest::addRow("line break inside")
            << QByteArray("0123456789\nabcdef") << QStringLiteral("character 11 is a line break");
        QTest::addRow("control char") << QByteArray("0123456789abcdef\x01")
                                      << QStringLiteral("character 17 is a control character "
                                                        "(0x01)");
        QTest::addRow("DEL") << QByteArray("01234567\x7f"
                                           "89abcdef")
                             << QStringLiteral("character 9 is a control character (0x7f)");
        QTest::addRow("NUL") << QByteArray("0123456789abcdef\0x", 18)
                             << QStringLiteral("character 17 is a control character (0x00)");
        QTest::addRow("non-ASCII") << QByteArray("caf\xc3\xa9-0123456789abcdef")
                                   << QStringLiteral("character 4 is not ASCII (byte 0xc3)");
    }

    void importValidation()
    {
        QFETCH(QByteArray, key);
        QFETCH(QString, error);
        const KeyRing::Result result =
            ring().importSync(QStringLiteral("default"), QStringLiteral("vwo"), key);
        if (error.isEmpty()) {
            QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
            QCOMPARE(result.key.origin, KeyOrigin::Imported);
            QVERIFY(result.secret.isEmpty()); // the user has it already: not handed back
            QCOMPARE(check(key), AuthOutcome::Ok);
            return;
        }
        QVERIFY(result.rejected);
        QVERIFY2(result.error.startsWith(error), qPrintable(result.error));
        QVERIFY2(result.error.contains(QLatin1String("16 to 256 printable ASCII characters")),
                 qPrintable(result.error));
        if (key.size() > 3)
            QVERIFY(!result.error.contains(QString::fromLatin1(key.left(10))));
        QVERIFY(ring().allKeys().isEmpty());
        QFile secrets(m_f->secretsPath()); // nothing was stored either
        QVERIFY(!secrets.open(QIODevice::ReadOnly) || !secrets.readAll().contains("webhook-key/"));
        QCOMPARE(check("anything-at-all!"), AuthOutcome::NotRequired);
    }

    void importTwiceRefused()
    {
        const QByteArray key = "VWO-secret-0123456789";
        QVERIFY(ring().importSync(QStringLiteral("default"), {}, key).error.isEmpty());
        const KeyRing::Result again = ring().importSync(QStringLiteral("staging"), {}, key);
        QVERIFY(again.rejected);
        QVERIFY2(again.error.startsWith(QLatin1String("this key is already in the key ring")),
                 qPrintable(again.error));
        // The refused import did not disturb the stored value of the existing key.
        QCOMPARE(m_f->storedSecret(QStringLiteral("default"), StaticKeyVerifier::fingerprint(key)),
                 key);
        QCOMPARE(check(key), AuthOutcome::Ok);
    }

    void badEndpointAndLabel()
    {
        KeyRing::Result result = ring().generateSync(QStringLiteral("a/b"), {});
        QVERIFY(result.rejected);
        QVERIFY2(result.error.contains(QLatin1String("endpoint name")), qPrintable(result.error));
        result = ring().generateSync(QStringLiteral("default"), QStringLiteral("two\nlines"));
        QVERIFY(result.rejected);
        QVERIFY2(result.error.contains(QLatin1String("label")), qPrintable(result.error));
        QVERIFY(ring().allKeys().isEmpty());
    }

    void rotateWithGrace()
    {
        const KeyRing::Result first = ring().generateSync(QStringLiteral("default"), {});
        m_f->clock.advanceSecs(60);
        QSignalSpy changed(&ring(), &KeyRing::keyChanged);
        const KeyRing::Result second = ring().rotateSync(
            QStringLiteral("default"), QStringLiteral("next"), std::chrono::minutes(10));
        QVERIFY2(second.error.isEmpty(), qPrintable(second.error));
        QCOMPARE(second.replacedId, first.key.id);
        QCOMPARE(second.key.state, KeyState::Primary);
        QCOMPARE(second.secret.size(), 64);
        const KeyInfo old = *ring().key(first.key.id);
        QCOMPARE(old.state, KeyState::Grace);
        QCOMPARE(old.graceUntil, m_f->clock.now().addSecs(600));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(ring().primaryKey(QStringLiteral("default"))->id, second.key.id);

        QCOMPARE(check(first.secret), AuthOutcome::Ok);
        QCOMPARE(check(second.secret), AuthOutcome::Ok);
        m_f->clock.advanceMs(600 * 1000 - 1); // the last millisecond of the grace period
        QCOMPARE(check(first.secret), AuthOutcome::Ok);
        QCOMPARE(verifier()->verify(first.secret, true).keyId, first.key.id);
        m_f->clock.advanceMs(1); // the verifier reads the clock: no refresh needed
        QCOMPARE(check(first.secret), AuthOutcome::Failed);
        QCOMPARE(check(second.secret), AuthOutcome::Ok);
        QCOMPARE(ring().key(first.key.id)->stateAt(m_f->clock.now()), KeyState::Expired);

        // The next refresh announces the expiry and drops the value from memory.
        changed.clear();
        ring().refresh();
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().first().value<KeyInfo>().id, first.key.id);
        QCOMPARE(verifier()->keyCount(), 1);
        // ...and the audit trail says when the grace ended, once, whoever refreshes next.
        const auto graceEnded = [this, &first] {
            QList<KeyAuditEntry> rows;
            for (const KeyAuditEntry &entry :
                 ring().auditTrail(QStringLiteral("default"), first.key.id)) {
                if (entry.action == KeyAuditAction::GraceEnded)
                    rows.append(entry);
            }
            return rows;
        };
        QCOMPARE(graceEnded().size(), 1);
        QCOMPARE(graceEnded().first().at, old.graceUntil);
        QCOMPARE(ring().key(first.key.id)->state, KeyState::Expired);
        {
            const std::unique_ptr<SecretStore> secrets = m_f->makeSecrets();
            KeyRing other(secrets.get(), {m_f->clock.clock()});
            QVERIFY(other.open(m_f->dbPath()).isEmpty());
            other.refresh();
        }
        ring().refresh();
        QCOMPARE(graceEnded().size(), 1);
        const KeyRing::Result endAgain =
            await([&](KeyRing::Done done) { ring().endGraceNow(first.key.id, std::move(done)); });
        QVERIFY(endAgain.rejected);
        QVERIFY2(endAgain.error.contains(QLatin1String("already ended")),
                 qPrintable(endAgain.error));
    }

    void rotateDefaultGraceIsAnHour()
    {
        const KeyRing::Result first = ring().generateSync(QStringLiteral("default"), {});
        QCOMPARE(ring().defaultGrace(), std::chrono::seconds(3600));
        QVERIFY(ring().rotateSync(QStringLiteral("default"), {}, std::nullopt).error.isEmpty());
        QCOMPARE(ring().key(first.key.id)->graceUntil, m_f->clock.now().addSecs(3600));
    }

    void rotateWithoutPrimaryAndZeroGrace()
    {
        // Nothing to replace: rotate simply makes the first primary.
        const KeyRing::Result first = ring().rotateSync(QStringLiteral("default"), {}, {});
        QVERIFY2(first.error.isEmpty(), qPrintable(first.error));
        QVERIFY(first.replacedId.isEmpty());
        // Grace 0: the old key stops at once.
        const KeyRing::Result second =
            ring().rotateSync(QStringLiteral("default"), {}, std::chrono::seconds(0));
        QCOMPARE(second.replacedId, first.key.id);
        QCOMPARE(check(first.secret), AuthOutcome::Failed);
        QCOMPARE(check(second.secret), AuthOutcome::Ok);
        // An imported key can become the new primary too.
        const QByteArray imported = "Imported-VWO-key-42";
        const KeyRing::Result third =
            ring().rotateSync(QStringLiteral("default"), {}, std::nullopt, imported);
        QVERIFY2(third.error.isEmpty(), qPrintable(third.error));
        QCOMPARE(third.key.origin, KeyOrigin::Imported);
        QVERIFY(third.secret.isEmpty());
        QCOMPARE(check(imported), AuthOutcome::Ok);
        QCOMPARE(check(second.secret), AuthOutcome::Ok); // in grace
    }

    void endGraceNow()
    {
        const KeyRing::Result first = ring().generateSync(QStringLiteral("default"), {});
        const KeyRing::Result second = ring().rotateSync(QStringLiteral("default"), {}, {});
        QCOMPARE(check(first.secret), AuthOutcome::Ok);
        const KeyRing::Result ended = ring().endGraceSync(first.key.id);
        QVERIFY2(ended.error.isEmpty(), qPrintable(ended.error));
        QCOMPARE(ended.key.state, KeyState::Expired);
        QCOMPARE(ended.key.graceUntil, m_f->clock.now());
        QCOMPARE(check(first.secret), AuthOutcome::Failed);
        QCOMPARE(check(second.secret), AuthOutcome::Ok);
        const KeyRing::Result primary = ring().endGraceSync(second.key.id);
        QVERIFY(primary.rejected);
        QVERIFY2(primary.error.contains(QLatin1String("is the primary key")),
                 qPrintable(primary.error));
        const KeyRing::Result unknown = ring().endGraceSync(QStringLiteral("000000000000"));
        QVERIFY(unknown.rejected);
        QCOMPARE(unknown.error, QStringLiteral("no key with id '000000000000'"));
    }

    void revoke()
    {
        const KeyRing::Result first = ring().generateSync(QStringLiteral("default"), {});
        const KeyRing::Result second = ring().rotateSync(QStringLiteral("default"), {}, {});
        QCOMPARE(check(first.secret), AuthOutcome::Ok);
        QSignalSpy changed(&ring(), &KeyRing::keyChanged);
        const KeyRing::Result revoked = ring().revokeSync(first.key.id); // a key in grace
        QVERIFY2(revoked.error.isEmpty(), qPrintable(revoked.error));
        QVERIFY2(revoked.warning.isEmpty(), qPrintable(revoked.warning));
        QCOMPARE(revoked.key.state, KeyState::Revoked);
        QCOMPARE(revoked.key.revokedAt, m_f->clock.now());
        QCOMPARE(changed.size(), 1);
        QCOMPARE(check(first.secret), AuthOutcome::Failed);
        QVERIFY(m_f->storedSecret(QStringLiteral("default"), first.key.id).isEmpty());
        const KeyRing::Result again = ring().revokeSync(first.key.id);
        QVERIFY(again.rejected);
        QVERIFY2(again.error.contains(QLatin1String("already revoked")), qPrintable(again.error));

        // Revoking the last accepted key fails closed: authentication stays required.
        QVERIFY(ring().revokeSync(second.key.id).error.isEmpty());
        QCOMPARE(check(second.secret), AuthOutcome::Failed);
        QCOMPARE(verifier()->verify({}, false).outcome, AuthOutcome::Missing);
        QVERIFY(!ring().primaryKey(QStringLiteral("default")));
        const KeyRing::Result reveal =
            await([&](KeyRing::Done done) { ring().reveal(second.key.id, std::move(done)); });
        QVERIFY(reveal.rejected);
        QVERIFY(reveal.secret.isEmpty());
        // Another endpoint without keys needs no authentication.
        QCOMPARE(ring().verifier(QStringLiteral("staging"))->verify("x", true).outcome,
                 AuthOutcome::NotRequired);
    }

    void labelsRevealCopyAndAuditTrail()
    {
        const KeyRing::Result first =
            ring().generateSync(QStringLiteral("default"), QStringLiteral("prod"));
        m_f->clock.advanceSecs(1);
        const KeyRing::Result second = ring().rotateSync(
            QStringLiteral("default"), QStringLiteral("prod 2"), std::chrono::minutes(30));
        m_f->clock.advanceSecs(1);
        QSignalSpy audit(&ring(), &KeyRing::auditChanged);
        QVERIFY(ring().setLabelSync(first.key.id, QStringLiteral("old prod")).error.isEmpty());
        QCOMPARE(ring().key(first.key.id)->label, QStringLiteral("old prod"));
        QCOMPARE(audit.size(), 1);
        QVERIFY(ring().setLabelSync(first.key.id, QStringLiteral("old prod")).error.isEmpty());
        QCOMPARE(audit.size(), 1); // unchanged: nothing to audit
        const KeyRing::Result revealed =
            await([&](KeyRing::Done done) { ring().reveal(second.key.id, std::move(done)); });
        QVERIFY2(revealed.error.isEmpty(), qPrintable(revealed.error));
        QCOMPARE(revealed.secret, second.secret);
        const KeyRing::Result copied =
            await([&](KeyRing::Done done) { ring().noteCopied(second.key.id, std::move(done)); });
        QVERIFY2(copied.error.isEmpty(), qPrintable(copied.error));
        const KeyRing::Result copiedOut =
            await([&](KeyRing::Done done) { ring().copyOut(second.key.id, std::move(done)); });
        QVERIFY2(copiedOut.error.isEmpty(), qPrintable(copiedOut.error));
        QCOMPARE(copiedOut.secret, second.secret);
        QVERIFY(ring().endGraceSync(first.key.id).error.isEmpty());
        QVERIFY(ring().revokeSync(first.key.id).error.isEmpty());

        QString error;
        const QList<KeyAuditEntry> trail =
            ring().auditTrail(QStringLiteral("default"), {}, 100, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QStringList actions;
        for (auto it = trail.crbegin(); it != trail.crend(); ++it)
            actions.append(it->keyId.left(4) + QLatin1Char(' ') + keyAuditActionName(it->action));
        const QString a = first.key.id.left(4);
        const QString b = second.key.id.left(4);
        QCOMPARE(actions,
                 (QStringList{a + QLatin1String(" generated"), a + QLatin1String(" rotated"),
                              b + QLatin1String(" generated"), a + QLatin1String(" label changed"),
                              b + QLatin1String(" revealed"), b + QLatin1String(" copied"),
                              b + QLatin1String(" copied"), a + QLatin1String(" grace ended"),
                              a + QLatin1String(" revoked")}));
        const KeyAuditEntry &rotated = trail.at(trail.size() - 2);
        QCOMPARE(rotated.relatedKeyId, second.key.id);
        QCOMPARE(rotated.until, rotated.at.addSecs(1800));
        QCOMPARE(trail.last().label, QStringLiteral("prod"));
        QCOMPARE(trail.first().at, m_f->clock.now());
        for (const KeyAuditEntry &entry : trail) {
            for (const QByteArray &secret : {first.secret, second.secret}) {
                const QString text = QString::fromLatin1(secret);
                QVERIFY(entry.label != text && entry.keyId != text && entry.relatedKeyId != text);
            }
        }
        QCOMPARE(ring().auditTrail(QStringLiteral("default"), second.key.id).size(), 4);
        QCOMPARE(ring().auditTrail(QStringLiteral("staging")).size(), 0);
    }

    void usageIsCountedAndFlushed()
    {
        const KeyRing::Result first = ring().generateSync(QStringLiteral("default"), {});
        for (int i = 0; i < 5; ++i)
            QCOMPARE(check(first.secret), AuthOutcome::Ok);
        QCOMPARE(check("wrong-wrong-wrong"), AuthOutcome::Failed); // not counted
        // Counted in memory only until a flush.
        QCOMPARE(ring().key(first.key.id)->useCount, 0);
        QSignalSpy changed(&ring(), &KeyRing::keyChanged);
        const QDateTime usedAt = m_f->clock.now();
        m_f->clock.advanceSecs(5);
        ring().flushUsage();
        QCOMPARE(changed.size(), 1);
        QCOMPARE(ring().key(first.key.id)->useCount, 5);
        QCOMPARE(ring().key(first.key.id)->lastUsed, usedAt);
        QCOMPARE(check(first.secret), AuthOutcome::Ok);
        ring().close(); // flushes too
        ring().open(m_f->dbPath());
        QCOMPARE(ring().key(first.key.id)->useCount, 6);
        QCOMPARE(ring().key(first.key.id)->lastUsed, m_f->clock.now());
    }

    void otherProcessChangesArePickedUp()
    {
        // A second key ring with its own connection and secret store on the same files plays
        // a receiver in another process.
        const std::unique_ptr<SecretStore> secrets = m_f->makeSecrets();
        KeyRing::Options options;
        options.watchIntervalMs = 20;
        KeyRing watcher(secrets.get(), options);
        QVERIFY(watcher.open(m_f->dbPath()).isEmpty());
        const std::shared_ptr<KeyRingVerifier> watched =
            watcher.verifier(QStringLiteral("default"));
        QSignalSpy added(&watcher, &KeyRing::keyAdded);
        QSignalSpy changed(&watcher, &KeyRing::keyChanged);

        const KeyRing::Result key = ring().generateSync(QStringLiteral("default"), {});
        QTRY_COMPARE(added.size(), 1);
        QTRY_COMPARE(watched->verify(key.secret, true).outcome, AuthOutcome::Ok);
        QVERIFY(ring().revokeSync(key.key.id).error.isEmpty());
        QTRY_COMPARE(watched->verify(key.secret, true).outcome, AuthOutcome::Failed);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().first().value<KeyInfo>().state, KeyState::Revoked);
    }
};

QTEST_GUILESS_MAIN(TestKeyRing)
#include "tst_keyring.moc"
