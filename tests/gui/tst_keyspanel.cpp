// KeysPanel driven like a user would, over a real key ring (SQLite file, file secret store).
#include "../core/keyringsupport.h"
#include "importkeydialog.h"
#include "inlinemessage.h"
#include "keyauditmodel.h"
#include "keysmodel.h"
#include "keyspanel.h"
#include "onetimesecretdialog.h"
#include "rotatekeydialog.h"

#include "auth/keysecret.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTimer>

using namespace hookbench;
using keyringtest::Fixture;

class tst_KeysPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyStateExplains();
    void generateShowsSecretOnce();
    void rotateStartsGrace();
    void revokeAsksFirst();
    void revealMasksAgain();
    void copyClearsClipboard();
    void copyLeavesUserClipboard();
    void importValidates_data();
    void importValidates();
    void importRotatesWhenPrimary();
    void warnsAboutFileBackend();
    void warnsAboutUnavailableSecret();
};

namespace {

// A visible widget of type T among `parent`'s descendants (dialogs are the panel's children).
template<typename T>
T *visible(QObject *parent)
{
    const QList<T *> found = parent->findChildren<T *>();
    for (T *widget : found) {
        if (widget->isVisible())
            return widget;
    }
    return nullptr;
}

template<typename T>
T *child(QObject *parent, const char *name)
{
    return parent->findChild<T *>(QLatin1String(name));
}

QString stateText(const KeysPanel &panel, const QString &id)
{
    const KeysModel *model = panel.keysModel();
    const int row = model->rowOfId(id);
    return row < 0 ? QString() : model->data(model->index(row, KeysModel::StateColumn)).toString();
}

QStringList auditActions(const KeysPanel &panel)
{
    QStringList actions;
    const KeyAuditModel *model = panel.auditModel();
    for (int row = 0; row < model->rowCount(); ++row)
        actions.append(model->data(model->index(row, KeyAuditModel::ActionColumn)).toString());
    return actions;
}

// Shows the panel and waits for it; the key ring is the fixture's.
void showPanel(KeysPanel &panel)
{
    panel.resize(900, 600);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
}

// Answers the next modal message box by clicking the button named `buttonName` (or Cancel),
// recording its text and informative text.
void answerMessageBox(QString *text, const char *buttonName)
{
    QTimer::singleShot(0, [text, buttonName] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        QVERIFY(box);
        *text = box->text() + QLatin1Char('\n') + box->informativeText();
        QAbstractButton *button =
            buttonName ? child<QPushButton>(box, buttonName) : box->button(QMessageBox::Cancel);
        QVERIFY(button);
        button->click();
    });
}

} // namespace

void tst_KeysPanel::emptyStateExplains()
{
    Fixture f;
    KeysPanel panel(f.ring.get());
    showPanel(panel);
    QVERIFY(child<QWidget>(&panel, "emptyState")->isVisible());
    QVERIFY(!child<QWidget>(&panel, "keysTable")->isVisible());
    const QString text = child<QLabel>(&panel, "emptyText")->text();
    QVERIFY2(text.contains(QLatin1String("authentication is not required")), qPrintable(text));
    QVERIFY(text.contains(QLatin1String("accepts every request")));
    QVERIFY(child<QPushButton>(&panel, "emptyGenerateButton")->isEnabled());
}

void tst_KeysPanel::generateShowsSecretOnce()
{
    Fixture f;
    KeysPanel panel(f.ring.get());
    showPanel(panel);
    auto *generate = child<QPushButton>(&panel, "emptyGenerateButton");
    generate->click();
    // The key ring answers later: nothing can be started twice meanwhile.
    QVERIFY(panel.isBusy());
    QVERIFY(!generate->isEnabled());

    OneTimeSecretDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = visible<OneTimeSecretDialog>(&panel)));
    const QByteArray secret = child<QLineEdit>(dialog, "secretEdit")->text().toLatin1();
    QCOMPARE(secret.size(), 64);
    QVERIFY(child<InlineMessage>(dialog, "onceWarning")
                ->text()
                .contains(QLatin1String("will not show this key again")));
    const QString id = dialog->keyId();
    QCOMPARE(id, StaticKeyVerifier::fingerprint(secret));

    QVERIFY(!panel.isBusy());
    QVERIFY(child<QWidget>(&panel, "keysTable")->isVisible());
    QCOMPARE(panel.selectedKeyId(), id);
    QCOMPARE(stateText(panel, id), QStringLiteral("Primary"));
    const AuthResult auth = f.ring->verifier(KeyRing::defaultEndpoint())->verify(secret, true);
    QCOMPARE(auth.outcome, AuthOutcome::Ok);
    QCOMPARE(auth.keyId, id);
    // A primary exists: generating again is a rotation.
    QVERIFY(!child<QPushButton>(&panel, "generateButton")->isEnabled());
    QVERIFY(child<QPushButton>(&panel, "rotateButton")->isEnabled());

    // Copy from the dialog: audited, and the clipboard is cleared later like any copy.
    panel.setClipboardClearMs(300);
    child<QPushButton>(dialog, "copyButton")->click();
    QTRY_COMPARE(QApplication::clipboard()->text().toLatin1(), secret);
    QCOMPARE(auditActions(panel).first(), QStringLiteral("secret copied to the clipboard"));
    QTRY_VERIFY_WITH_TIMEOUT(QApplication::clipboard()->text().isEmpty(), 3000);

    dialog->reject();
    QTRY_VERIFY(!visible<OneTimeSecretDialog>(&panel));
    QVERIFY(child<QLineEdit>(&panel, "revealedSecretEdit")->text().isEmpty());
    QCOMPARE(auditActions(panel).last(), QStringLiteral("generated"));
}

void tst_KeysPanel::rotateStartsGrace()
{
    Fixture f;
    const QString old = f.ring->generateSync(KeyRing::defaultEndpoint(), {}).key.id;
    KeysPanel panel(f.ring.get());
    showPanel(panel);
    child<QPushButton>(&panel, "rotateButton")->click();
    RotateKeyDialog *rotate = nullptr;
    QTRY_VERIFY((rotate = visible<RotateKeyDialog>(&panel)));
    auto *grace = child<QSpinBox>(rotate, "graceSpin");
    QCOMPARE(grace->value(), 60); // the key ring's default: VWO retries for an hour
    grace->setValue(30);
    child<QLineEdit>(rotate, "labelEdit")->setText(QStringLiteral("next"));
    rotate->accept();

    OneTimeSecretDialog *shown = nullptr;
    QTRY_VERIFY((shown = visible<OneTimeSecretDialog>(&panel)));
    const QString fresh = shown->keyId();
    QVERIFY(fresh != old);
    const QByteArray secret = child<QLineEdit>(shown, "secretEdit")->text().toLatin1();
    QCOMPARE(f.ring->verifier(KeyRing::defaultEndpoint())->verify(secret, true).keyId, fresh);
    shown->reject();

    QCOMPARE(stateText(panel, fresh), QStringLiteral("Primary"));
    QCOMPARE(stateText(panel, old), QStringLiteral("In grace · 30 min left"));
    QCOMPARE(f.ring->key(fresh)->label, QStringLiteral("next"));
    QVERIFY(panel.keysModel()->isCountingDown());
    f.clock.advanceSecs(10 * 60);
    QTRY_COMPARE(stateText(panel, old), QStringLiteral("In grace · 20 min left"));

    panel.selectKey(old);
    auto *endGrace = child<QPushButton>(&panel, "endGraceButton");
    QVERIFY(endGrace->isEnabled());
    endGrace->click();
    QTRY_COMPARE(stateText(panel, old), QStringLiteral("Expired"));
    QVERIFY(!endGrace->isEnabled());
    QVERIFY(auditActions(panel).contains(
        QStringLiteral("grace period ended early: requests signed with it are refused")));
}

void tst_KeysPanel::revokeAsksFirst()
{
    Fixture f;
    const QString id = f.ring->generateSync(KeyRing::defaultEndpoint(), {}).key.id;
    KeysPanel panel(f.ring.get());
    showPanel(panel);
    panel.selectKey(id);
    auto *revoke = child<QPushButton>(&panel, "revokeButton");

    QString asked;
    answerMessageBox(&asked, nullptr); // cancel: nothing happens
    revoke->click();
    QTRY_VERIFY(!asked.isEmpty());
    QVERIFY(!QApplication::activeModalWidget());
    QCOMPARE(stateText(panel, id), QStringLiteral("Primary"));
    QVERIFY(!child<InlineMessage>(&panel, "noKeyMessage")->isVisible());

    asked.clear();
    answerMessageBox(&asked, "confirmRevokeButton");
    revoke->click();
    QTRY_COMPARE(stateText(panel, id), QStringLiteral("Revoked"));
    QTRY_VERIFY(!panel.isBusy()); // the secret is removed after the state changed
    QVERIFY2(asked.contains(id), qPrintable(asked));
    QVERIFY(asked.contains(QLatin1String("refused at once")));
    QVERIFY(asked.contains(QLatin1String("last accepted key")));
    QVERIFY(!revoke->isEnabled());
    QVERIFY(!child<QPushButton>(&panel, "revealButton")->isEnabled());
    QCOMPARE(auditActions(panel).first(),
             QStringLiteral("revoked: requests signed with it are refused"));
    QCOMPARE(f.ring->verifier(KeyRing::defaultEndpoint())->verify("anything", true).outcome,
             AuthOutcome::Failed);
    QVERIFY(child<InlineMessage>(&panel, "noKeyMessage")->isVisible());
    // No primary left: a new first key can be generated.
    QVERIFY(child<QPushButton>(&panel, "generateButton")->isEnabled());
}

void tst_KeysPanel::revealMasksAgain()
{
    Fixture f;
    const KeyRing::Result generated = f.ring->generateSync(KeyRing::defaultEndpoint(), {});
    KeysPanel panel(f.ring.get());
    panel.setRevealDurationMs(300);
    showPanel(panel);
    auto *edit = child<QLineEdit>(&panel, "revealedSecretEdit");
    QVERIFY(edit->text().isEmpty());
    child<QPushButton>(&panel, "revealButton")->click();
    QTRY_COMPARE(edit->text().toLatin1(), generated.secret);
    auto *reveal = child<QPushButton>(&panel, "revealButton");
    QVERIFY2(reveal->text().contains(QLatin1String("Hide (")), qPrintable(reveal->text()));
    QTRY_VERIFY_WITH_TIMEOUT(edit->text().isEmpty(), 3000);
    QCOMPARE(reveal->text(), QStringLiteral("Re&veal"));
    QCOMPARE(auditActions(panel).first(), QStringLiteral("secret revealed"));

    // Hidden as soon as nobody can see it.
    panel.setRevealDurationMs(30000);
    child<QPushButton>(&panel, "revealButton")->click();
    QTRY_COMPARE(edit->text().toLatin1(), generated.secret);
    panel.hide();
    QVERIFY(edit->text().isEmpty());
}

void tst_KeysPanel::copyClearsClipboard()
{
    Fixture f;
    const KeyRing::Result generated = f.ring->generateSync(KeyRing::defaultEndpoint(), {});
    KeysPanel panel(f.ring.get());
    panel.setClipboardClearMs(300);
    showPanel(panel);
    QClipboard *clipboard = QApplication::clipboard();
    clipboard->setText(QStringLiteral("before"));
    child<QPushButton>(&panel, "copyButton")->click();
    QTRY_COMPARE(clipboard->text().toLatin1(), generated.secret);
    QCOMPARE(auditActions(panel).first(), QStringLiteral("secret copied to the clipboard"));
    QVERIFY(!auditActions(panel).contains(QStringLiteral("secret revealed")));
    QTRY_VERIFY_WITH_TIMEOUT(clipboard->text().isEmpty(), 3000);
}

void tst_KeysPanel::copyLeavesUserClipboard()
{
    Fixture f;
    const KeyRing::Result generated = f.ring->generateSync(KeyRing::defaultEndpoint(), {});
    KeysPanel panel(f.ring.get());
    panel.setClipboardClearMs(300);
    showPanel(panel);
    QClipboard *clipboard = QApplication::clipboard();
    child<QPushButton>(&panel, "copyButton")->click();
    QTRY_COMPARE(clipboard->text().toLatin1(), generated.secret);
    clipboard->setText(QStringLiteral("something the user copied"));
    QTest::qWait(800);
    QCOMPARE(clipboard->text(), QStringLiteral("something the user copied"));
}

void tst_KeysPanel::importValidates_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("message");
    QTest::addRow("too short") << QStringLiteral("abc123") << QStringLiteral("too short");
    QTest::addRow("too long") << QString(300, QLatin1Char('k')) << QStringLiteral("too long");
    QTest::addRow("non-ASCII") << QStringLiteral("abcdefgh\u00e9ijklmnop")
                               << QStringLiteral("character 9 is not ASCII");
    QTest::addRow("control") << QStringLiteral("abcdefgh\x01ijklmnop")
                             << QStringLiteral("character 9 is a control character");
    QTest::addRow("tab") << QStringLiteral("abcdefgh\tijklmnop")
                         << QStringLiteral("character 9 is a tab");
    QTest::addRow("space") << QStringLiteral("abcdefgh ijklmnop")
                           << QStringLiteral("character 9 is a space");
}

void tst_KeysPanel::importValidates()
{
    QFETCH(QString, key);
    QFETCH(QString, message);
    Fixture f;
    KeysPanel panel(f.ring.get());
    showPanel(panel);
    child<QPushButton>(&panel, "emptyImportButton")->click();
    ImportKeyDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = visible<ImportKeyDialog>(&panel)));
    auto *edit = child<QLineEdit>(dialog, "keyEdit");
    auto *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QCOMPARE(edit->echoMode(), QLineEdit::Password);
    child<QCheckBox>(dialog, "showKeyCheck")->setChecked(true);
    QCOMPARE(edit->echoMode(), QLineEdit::Normal);
    QVERIFY(!ok->isEnabled());

    edit->setText(key);
    const QString shown = child<QLabel>(dialog, "validationLabel")->text();
    QVERIFY2(shown.contains(message, Qt::CaseInsensitive), qPrintable(shown));
    QVERIFY(!ok->isEnabled());

    // Fixed, it goes through and is listed as the primary key.
    const QByteArray good = QByteArrayLiteral("Vwo-Key_0123456789abcdef");
    edit->setText(QString::fromLatin1(good));
    QVERIFY(ok->isEnabled());
    QCOMPARE(child<QLabel>(dialog, "validationLabel")->text(),
             QStringLiteral("The key can be imported."));
    ok->click();
    const QString id = StaticKeyVerifier::fingerprint(good);
    QTRY_COMPARE(panel.keysModel()->rowOfId(id), 0);
    QCOMPARE(stateText(panel, id), QStringLiteral("Primary"));
    QVERIFY(!visible<OneTimeSecretDialog>(&panel)); // the user has it already
    QCOMPARE(f.ring->verifier(KeyRing::defaultEndpoint())->verify(good, true).outcome,
             AuthOutcome::Ok);
    QCOMPARE(auditActions(panel), QStringList{QStringLiteral("imported")});
}

void tst_KeysPanel::importRotatesWhenPrimary()
{
    Fixture f;
    const QString old = f.ring->generateSync(KeyRing::defaultEndpoint(), {}).key.id;
    KeysPanel panel(f.ring.get());
    showPanel(panel);
    child<QPushButton>(&panel, "importButton")->click();
    ImportKeyDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = visible<ImportKeyDialog>(&panel)));
    QVERIFY(dialog->rotates());
    child<QSpinBox>(dialog, "graceSpin")->setValue(5);
    const QByteArray good = QByteArrayLiteral("imported-key-0123456789");
    child<QLineEdit>(dialog, "keyEdit")->setText(QString::fromLatin1(good));
    dialog->accept();
    const QString id = StaticKeyVerifier::fingerprint(good);
    QTRY_COMPARE(stateText(panel, id), QStringLiteral("Primary"));
    QCOMPARE(stateText(panel, old), QStringLiteral("In grace · 5 min left"));
    const QString status = child<InlineMessage>(&panel, "statusMessage")->text();
    QVERIFY2(status.contains(old) && status.contains(QLatin1String("stays accepted until")),
             qPrintable(status));
}

void tst_KeysPanel::warnsAboutFileBackend()
{
    Fixture f;
    KeysPanel panel(f.ring.get());
    showPanel(panel);
    auto *message = child<InlineMessage>(&panel, "backendMessage");
    QVERIFY(message->isVisible());
    QCOMPARE(message->type(), InlineMessage::Warning);
    QVERIFY2(message->text().contains(QLatin1String("a file only you can read")),
             qPrintable(message->text()));
    QVERIFY(message->text().contains(f.secretsPath()));
    QVERIFY(message->text().contains(f.secrets->fallbackReason()));
    QVERIFY(!f.secrets->fallbackReason().isEmpty());
}

void tst_KeysPanel::warnsAboutUnavailableSecret()
{
    Fixture f;
    const QString id = f.ring->generateSync(KeyRing::defaultEndpoint(), {}).key.id;
    // The secret goes missing behind the key ring's back; a fresh key ring cannot read it.
    QVERIFY(f.makeSecrets()
                ->removeSync(webhookkey::secretName(KeyRing::defaultEndpoint(), id))
                .isEmpty());
    f.ring->close();
    const std::unique_ptr<SecretStore> secrets = f.makeSecrets();
    KeyRing::Options options;
    options.clock = f.clock.clock();
    options.watchIntervalMs = 0;
    KeyRing ring(secrets.get(), options);
    QVERIFY(ring.open(f.dbPath()).isEmpty());
    KeysPanel panel(&ring);
    showPanel(panel);
    auto *message = child<InlineMessage>(&panel, "unavailableMessage");
    QTRY_VERIFY(message->isVisible());
    QVERIFY2(message->text().contains(id), qPrintable(message->text()));
    QVERIFY(message->text().contains(QLatin1String("refused")));
}

QTEST_MAIN(tst_KeysPanel)
#include "tst_keyspanel.moc"
