// KeysModel and KeyAuditModel over a real key ring (SQLite file, file secret store) with a
// clock the test moves.
#include "../core/keyringsupport.h"
#include "keyauditmodel.h"
#include "keysmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

using namespace hookbench;
using keyringtest::await;
using keyringtest::Fixture;

class tst_KeysModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsKeysLive();
    void countsGraceDown();
    void editsLabel();
    void refusesBadLabel();
    void showsUse();
    void keepsEndpointsApart();
    void remainingText_data();
    void remainingText();
    void auditInWords();
};

namespace {

QString cell(const QAbstractItemModel &model, int row, int column, int role = Qt::DisplayRole)
{
    return model.data(model.index(row, column), role).toString();
}

} // namespace

void tst_KeysModel::listsKeysLive()
{
    Fixture f;
    KeysModel model(f.ring.get(), KeyRing::defaultEndpoint());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), int(KeysModel::ColumnCount));

    const KeyRing::Result generated = f.ring->generateSync(KeyRing::defaultEndpoint(), {});
    QVERIFY2(generated.error.isEmpty(), qPrintable(generated.error));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(cell(model, 0, KeysModel::StateColumn), QStringLiteral("Primary"));
    QCOMPARE(cell(model, 0, KeysModel::IdColumn), generated.key.id);
    QCOMPARE(cell(model, 0, KeysModel::LastUsedColumn), QStringLiteral("never"));
    QCOMPARE(cell(model, 0, KeysModel::UsesColumn), QStringLiteral("0"));
    QCOMPARE(cell(model, 0, KeysModel::CreatedColumn),
             f.clock.now().toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    QVERIFY(!model.data(model.index(0, KeysModel::StateColumn), Qt::DecorationRole).isNull());
    QVERIFY(model.data(model.index(0, KeysModel::StateColumn), Qt::ForegroundRole)
                .canConvert<QColor>());
    QVERIFY(!model.isCountingDown());

    // Newest first; revoking shows at once.
    const KeyRing::Result rotated =
        f.ring->rotateSync(KeyRing::defaultEndpoint(), {}, std::chrono::seconds(3600));
    QVERIFY2(rotated.error.isEmpty(), qPrintable(rotated.error));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(cell(model, 0, KeysModel::IdColumn), rotated.key.id);
    QCOMPARE(model.data(model.index(1, 0), KeysModel::KeyIdRole).toString(), generated.key.id);
    QVERIFY2(f.ring->revokeSync(generated.key.id).error.isEmpty(), "revoke");
    QCOMPARE(cell(model, 1, KeysModel::StateColumn), QStringLiteral("Revoked"));
    QCOMPARE(model.stateAt(1), KeyState::Revoked);
    QVERIFY(!model.isCountingDown());

    // A reopened key ring announces its keys again: no duplicates.
    f.ring->close();
    QVERIFY(f.ring->open(f.dbPath()).isEmpty());
    QCOMPARE(model.rowCount(), 2);
    model.reload();
    QCOMPARE(model.rowCount(), 2);
}

void tst_KeysModel::countsGraceDown()
{
    Fixture f;
    KeysModel model(f.ring.get(), KeyRing::defaultEndpoint());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QString old = f.ring->generateSync(KeyRing::defaultEndpoint(), {}).key.id;
    QVERIFY(!old.isEmpty());
    QVERIFY(f.ring->rotateSync(KeyRing::defaultEndpoint(), {}, std::chrono::seconds(3600))
                .error.isEmpty());
    const int row = model.rowOfId(old);
    QCOMPARE(row, 1);
    QCOMPARE(cell(model, row, KeysModel::StateColumn), QStringLiteral("In grace · 60 min left"));
    QVERIFY(model.isCountingDown());
    QCOMPARE(model.stateAt(row), KeyState::Grace);

    // Only the state column changes with the clock.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    f.clock.advanceSecs(18 * 60);
    model.updateCountdown();
    QCOMPARE(changed.size(), 1);
    const auto topLeft = changed.at(0).at(0).value<QModelIndex>();
    const auto bottomRight = changed.at(0).at(1).value<QModelIndex>();
    QCOMPARE(topLeft.column(), int(KeysModel::StateColumn));
    QCOMPARE(bottomRight.column(), int(KeysModel::StateColumn));
    QVERIFY(topLeft.row() <= row && bottomRight.row() >= row);
    QCOMPARE(cell(model, row, KeysModel::StateColumn), QStringLiteral("In grace · 42 min left"));

    // The timer does it by itself, once a second.
    f.clock.advanceSecs(41 * 60 + 30);
    QTRY_COMPARE_WITH_TIMEOUT(cell(model, row, KeysModel::StateColumn),
                              QStringLiteral("In grace · 30 s left"), 3000);

    f.clock.advanceSecs(30);
    model.updateCountdown();
    QCOMPARE(cell(model, row, KeysModel::StateColumn), QStringLiteral("Expired"));
    QCOMPARE(model.stateAt(row), KeyState::Expired);
    QVERIFY(!model.isCountingDown());
}

void tst_KeysModel::editsLabel()
{
    Fixture f;
    KeysModel model(f.ring.get(), KeyRing::defaultEndpoint());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QString id = f.ring->generateSync(KeyRing::defaultEndpoint(), {}).key.id;
    const QModelIndex label = model.index(0, KeysModel::LabelColumn);
    QVERIFY(model.flags(label) & Qt::ItemIsEditable);
    QVERIFY(!(model.flags(model.index(0, KeysModel::IdColumn)) & Qt::ItemIsEditable));

    QSignalSpy errors(&model, &KeysModel::errorOccurred);
    QVERIFY(model.setData(label, QStringLiteral("  production  ")));
    QCOMPARE(model.data(label).toString(), QStringLiteral("production"));
    QTRY_COMPARE(f.ring->key(id)->label, QStringLiteral("production"));
    QCOMPARE(model.data(label).toString(), QStringLiteral("production"));
    QVERIFY(errors.isEmpty());
    const QList<KeyAuditEntry> trail = f.ring->auditTrail(KeyRing::defaultEndpoint());
    QCOMPARE(trail.first().action, KeyAuditAction::LabelChanged);
}

void tst_KeysModel::refusesBadLabel()
{
    Fixture f;
    KeysModel model(f.ring.get(), KeyRing::defaultEndpoint());
    f.ring->generateSync(KeyRing::defaultEndpoint(), QStringLiteral("ci"));
    QSignalSpy errors(&model, &KeysModel::errorOccurred);
    const QModelIndex label = model.index(0, KeysModel::LabelColumn);
    QVERIFY(!model.setData(label, QStringLiteral("bad\x01label")));
    QCOMPARE(errors.size(), 1);
    QVERIFY(errors.at(0).at(0).toString().contains(QLatin1String("control")));
    QCOMPARE(model.data(label).toString(), QStringLiteral("ci"));
}

void tst_KeysModel::showsUse()
{
    Fixture f;
    KeysModel model(f.ring.get(), KeyRing::defaultEndpoint());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const KeyRing::Result generated = f.ring->generateSync(KeyRing::defaultEndpoint(), {});
    const auto verifier = f.ring->verifier(KeyRing::defaultEndpoint());
    QCOMPARE(verifier->verify(generated.secret, true).outcome, AuthOutcome::Ok);
    QCOMPARE(verifier->verify(generated.secret, true).outcome, AuthOutcome::Ok);
    f.ring->flushUsage();
    QCOMPARE(cell(model, 0, KeysModel::UsesColumn), QStringLiteral("2"));
    QVERIFY(cell(model, 0, KeysModel::LastUsedColumn) != QStringLiteral("never"));
}

void tst_KeysModel::keepsEndpointsApart()
{
    Fixture f;
    KeysModel model(f.ring.get(), QStringLiteral("staging"));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    f.ring->generateSync(KeyRing::defaultEndpoint(), {});
    QCOMPARE(model.rowCount(), 0);
    f.ring->generateSync(QStringLiteral("staging"), {});
    QCOMPARE(model.rowCount(), 1);
    model.setEndpoint(KeyRing::defaultEndpoint());
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.keyAt(0).endpoint, KeyRing::defaultEndpoint());
}

void tst_KeysModel::remainingText_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("text");
    QTest::addRow("seconds") << qint64(35) << QStringLiteral("35 s left");
    QTest::addRow("one minute") << qint64(60) << QStringLiteral("1 min left");
    QTest::addRow("rounded up") << qint64(61) << QStringLiteral("2 min left");
    QTest::addRow("an hour") << qint64(3600) << QStringLiteral("60 min left");
    QTest::addRow("hours") << qint64(3 * 3600 + 300) << QStringLiteral("3 h 5 min left");
    QTest::addRow("days") << qint64(3 * 86400 + 4 * 3600) << QStringLiteral("3 d 4 h left");
}

void tst_KeysModel::remainingText()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, text);
    QCOMPARE(KeysModel::remainingText(seconds), text);
}

void tst_KeysModel::auditInWords()
{
    Fixture f;
    KeyAuditModel model(f.ring.get(), KeyRing::defaultEndpoint());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    const KeyRing::Result first = f.ring->generateSync(KeyRing::defaultEndpoint(), {});
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(cell(model, 0, KeyAuditModel::ActionColumn), QStringLiteral("generated"));
    QCOMPARE(cell(model, 0, KeyAuditModel::KeyColumn), first.key.id);

    f.clock.advanceSecs(60);
    const KeyRing::Result second =
        f.ring->rotateSync(KeyRing::defaultEndpoint(), {}, std::chrono::seconds(3600));
    const KeyRing::Result revealed =
        await([&](KeyRing::Done done) { f.ring->reveal(second.key.id, std::move(done)); });
    QVERIFY(revealed.error.isEmpty());
    QVERIFY(await([&](KeyRing::Done done) {
                f.ring->noteCopied(second.key.id, std::move(done));
            }).error.isEmpty());
    QVERIFY(f.ring->revokeSync(first.key.id).error.isEmpty());
    QTRY_VERIFY(model.rowCount() >= 5);

    QStringList actions;
    for (int row = 0; row < model.rowCount(); ++row)
        actions.append(cell(model, row, KeyAuditModel::ActionColumn));
    // Newest first.
    QCOMPARE(actions.first(), QStringLiteral("revoked: requests signed with it are refused"));
    QVERIFY(actions.contains(QStringLiteral("secret copied to the clipboard")));
    QVERIFY(actions.contains(QStringLiteral("secret revealed")));
    QVERIFY(actions.contains(QStringLiteral("generated")));
    const QString until =
        f.clock.now().addSecs(3600).toLocalTime().toString(QStringLiteral("HH:mm"));
    QVERIFY2(
        actions.contains(
            QStringLiteral("rotated: replaced by %1, accepted until %2").arg(second.key.id, until)),
        qPrintable(actions.join(QLatin1Char('\n'))));
    QCOMPARE(actions.last(), QStringLiteral("generated"));
    QVERIFY(model.entryAt(0).id > model.entryAt(model.rowCount() - 1).id);

    // Never a secret, in any cell or role.
    for (int row = 0; row < model.rowCount(); ++row) {
        for (int column = 0; column < model.columnCount(); ++column) {
            for (const int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole)}) {
                const QString text = cell(model, row, column, role);
                QVERIFY(!text.contains(QString::fromLatin1(first.secret)));
                QVERIFY(!text.contains(QString::fromLatin1(second.secret)));
            }
        }
    }
}

QTEST_MAIN(tst_KeysModel)
#include "tst_keysmodel.moc"
