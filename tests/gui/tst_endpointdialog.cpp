// New Endpoint… / Edit Endpoint…: each field's problem shown beside it as it is typed, OK
// disabled meanwhile, and nothing typed lost when saving fails.
#include "endpointdialog.h"
#include "endpointtestsupport.h"

#include <QDialogButtonBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>

using namespace hookbench;
using namespace endpointtest;

class TestEndpointDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { m_fixture = std::make_unique<Fixture>(); }
    void cleanup() { m_fixture.reset(); }
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void dialogValidation_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("errorLabel");
        QTest::addColumn<QString>("message");
        QTest::addRow("name with space") << "nameEdit"
                                         << "my env"
                                         << "nameError"
                                         << "Character 3 of the endpoint name";
        QTest::addRow("name taken") << "nameEdit"
                                    << "staging"
                                    << "nameError"
                                    << "An endpoint named staging exists already";
        QTest::addRow("relative path") << "pathEdit"
                                       << "vwo/qa"
                                       << "pathError"
                                       << "must start with '/'";
        QTest::addRow("path with space") << "pathEdit"
                                         << "/vwo/q a"
                                         << "pathError"
                                         << "must not be a space";
        QTest::addRow("path clash") << "pathEdit"
                                    << "/vwo/staging"
                                    << "pathError"
                                    << "staging and qa both use /vwo/staging";
        QTest::addRow("colour word") << "colourEdit"
                                     << "red"
                                     << "colourError"
                                     << "is not of the form #rrggbb";
        QTest::addRow("colour short") << "colourEdit"
                                      << "#12345"
                                      << "colourError"
                                      << "is not of the form #rrggbb";
        QTest::addRow("forward ftp") << "forwardUrlEdit"
                                     << "ftp://localhost/x"
                                     << "forwardError"
                                     << "must start with http:// or https://";
        QTest::addRow("forward empty") << "forwardUrlEdit"
                                       << ""
                                       << "forwardError"
                                       << "Enter the URL of your app";
    }

    void dialogValidation()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, errorLabel);
        QFETCH(QString, message);
        EndpointDialog dialog(EndpointDialog::Mode::Create);
        dialog.setOtherEndpoints(m_fixture->directory->endpoints());
        dialog.show();
        auto *name = dialog.findChild<QLineEdit *>(QStringLiteral("nameEdit"));
        QTest::keyClicks(name, QStringLiteral("qa"));
        // The path follows the name until it is edited.
        QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("pathEdit"))->text(),
                 QStringLiteral("/vwo/qa"));
        QPushButton *ok = dialog.findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"))
                              ->button(QDialogButtonBox::Ok);
        QVERIFY(ok->isEnabled());
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("colourError"))->isHidden());

        if (field == QLatin1String("forwardUrlEdit"))
            dialog.findChild<QGroupBox *>(QStringLiteral("forwardGroup"))->setChecked(true);
        auto *edit = dialog.findChild<QLineEdit *>(field);
        edit->selectAll();
        if (value.isEmpty())
            QTest::keyClick(edit, Qt::Key_Backspace);
        else
            QTest::keyClicks(edit, value);
        QCOMPARE(edit->text(), value);
        const auto *error = dialog.findChild<QLabel *>(errorLabel);
        QVERIFY2(error->isVisible(), qPrintable(errorLabel));
        QVERIFY2(error->text().contains(message), qPrintable(error->text()));
        QVERIFY(!ok->isEnabled());
        QVERIFY(!dialog.isInputValid());
        QCOMPARE(edit->accessibleDescription(), error->text());
    }

    void dialogKeepsInputWhenNotSaved()
    {
        EndpointDialog dialog(EndpointDialog::Mode::Create);
        dialog.setOtherEndpoints(m_fixture->directory->endpoints());
        Endpoint start;
        start.name = QStringLiteral("production");
        dialog.setEndpoint(start);
        dialog.setSubmit([](const Endpoint &) { return QStringLiteral("database is locked"); });
        dialog.show();
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        dialog.submit();
        QCOMPARE(accepted.size(), 0);
        QVERIFY(dialog.isVisible());
        const QWidget *message = dialog.findChild<QWidget *>(QStringLiteral("saveMessage"));
        QVERIFY(message->isVisible());
        QCOMPARE(dialog.endpoint().name, QStringLiteral("production"));
        QCOMPARE(dialog.endpoint().path, QStringLiteral("/vwo/production"));
    }

    void editKeepsTheName()
    {
        Endpoint staging = *m_fixture->directory->endpoint(QStringLiteral("staging"));
        staging.forward.url = QUrl(QStringLiteral("http://localhost:3000/hook"));
        staging.forward.followAnswer = true;
        staging.response = {503, QByteArrayLiteral("down"), 250};
        EndpointDialog dialog(EndpointDialog::Mode::Edit);
        dialog.setEndpoint(staging);
        QList<Endpoint> others = m_fixture->directory->endpoints();
        others.removeIf(
            [](const Endpoint &other) { return other.name == QLatin1String("staging"); });
        dialog.setOtherEndpoints(others);
        dialog.setReceiverUrl(QUrl(QStringLiteral("http://127.0.0.1:4000")));
        QVERIFY(dialog.isInputValid());
        QVERIFY(dialog.findChild<QLineEdit *>(QStringLiteral("nameEdit"))->isHidden());
        QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("urlValue"))->text(),
                 QStringLiteral("http://127.0.0.1:4000/vwo/staging"));
        // What came in goes out (the colour made explicit: the one it had).
        Endpoint expected = staging;
        expected.colour = staging.effectiveColour();
        QCOMPARE(dialog.endpoint(), expected);
        // Turning the override off clears all of it.
        dialog.findChild<QGroupBox *>(QStringLiteral("overrideGroup"))->setChecked(false);
        QCOMPARE(dialog.endpoint().response.status, 0);
        QVERIFY(dialog.endpoint().response.body.isEmpty());
    }

private:
    std::unique_ptr<Fixture> m_fixture;
};

QTEST_MAIN(TestEndpointDialog)
#include "tst_endpointdialog.moc"
