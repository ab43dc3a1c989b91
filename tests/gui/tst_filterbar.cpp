#include "filterbar.h"
#include "filterlineedit.h"
#include "recentfilters.h"

#include <QCoreApplication>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace hookbench;

class TestFilterBar : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void statesAsYouType();
    void enterAppliesValid();
    void enterOnInvalidMovesCursor();
    void escapeClearsAndApplies();
    void liveApplyAfterPause();
    void recentFiltersPersistedAndDeduplicated();
    void recentFiltersCapped();
    void recentMenuApplies();
    void matchCount();

private:
    QTemporaryDir m_settingsDir;
};

namespace {

QString appliedText(const QSignalSpy &spy, int index = -1)
{
    const QList<QVariant> &arguments = index < 0 ? spy.last() : spy.at(index);
    return arguments.at(0).value<EventFilter>().text();
}

} // namespace

void TestFilterBar::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_settingsDir.isValid());
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    QCoreApplication::setOrganizationName(QStringLiteral("HookbenchTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_filterbar"));
}

void TestFilterBar::init()
{
    RecentFilters().clear();
}

void TestFilterBar::statesAsYouType()
{
    FilterBar bar;
    bar.setLiveApplyDelay(0);
    QSignalSpy states(&bar, &FilterBar::stateChanged);
    auto *edit = bar.lineEdit();
    QCOMPARE(bar.state(), FilterBar::State::Empty);
    QCOMPARE(edit->tint(), FilterLineEdit::Tint::None);

    QTest::keyClicks(edit, QStringLiteral("status:401"));
    QCOMPARE(bar.state(), FilterBar::State::Valid);
    QCOMPARE(edit->tint(), FilterLineEdit::Tint::Valid);
    QVERIFY(bar.errorText().isEmpty());

    QTest::keyClicks(edit, QStringLiteral(" stauts:4"));
    QCOMPARE(bar.state(), FilterBar::State::Invalid);
    QCOMPARE(edit->tint(), FilterLineEdit::Tint::Invalid);
    QVERIFY2(bar.errorText().contains(QLatin1String("column 12")), qPrintable(bar.errorText()));
    const auto *label = bar.findChild<QLabel *>(QStringLiteral("filterErrorLabel"));
    QVERIFY(label);
    const auto *errorRow = bar.findChild<QWidget *>(QStringLiteral("filterErrorRow"));
    QVERIFY(errorRow);
    QCOMPARE(label->text(), bar.errorText());
    QVERIFY(!errorRow->isHidden());

    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QCOMPARE(bar.state(), FilterBar::State::Empty);
    QVERIFY(errorRow->isHidden());
    // Mid-word states flip ("status:" is invalid until a value follows); the last one counts.
    QVERIFY(states.size() >= 3);
    QCOMPARE(states.last().at(0).value<FilterBar::State>(), FilterBar::State::Empty);
}

void TestFilterBar::enterAppliesValid()
{
    FilterBar bar;
    bar.setLiveApplyDelay(0);
    QSignalSpy applied(&bar, &FilterBar::filterApplied);
    QTest::keyClicks(bar.lineEdit(), QStringLiteral("method:POST path:/vwo*"));
    QCOMPARE(applied.size(), 0);
    QTest::keyClick(bar.lineEdit(), Qt::Key_Return);
    QCOMPARE(applied.size(), 1);
    QCOMPARE(appliedText(applied), QStringLiteral("method:POST path:/vwo*"));
    QVERIFY(applied.last().at(0).value<EventFilter>().isValid());
    QCOMPARE(bar.applied().text(), QStringLiteral("method:POST path:/vwo*"));
}

void TestFilterBar::enterOnInvalidMovesCursor()
{
    FilterBar bar;
    bar.setLiveApplyDelay(0);
    QSignalSpy applied(&bar, &FilterBar::filterApplied);
    QTest::keyClicks(bar.lineEdit(), QStringLiteral("status:401 OR (auth:nope)"));
    QCOMPARE(bar.state(), FilterBar::State::Invalid);
    const int position = bar.filter().error().position;
    QVERIFY(position > 0);
    QCOMPARE(bar.lineEdit()->cursorPosition(), 25);
    QTest::keyClick(bar.lineEdit(), Qt::Key_Enter);
    QCOMPARE(applied.size(), 0);
    const int selectionStart = bar.lineEdit()->hasSelectedText() ? bar.lineEdit()->selectionStart()
                                                                 : bar.lineEdit()->cursorPosition();
    QCOMPARE(selectionStart, position);
    QVERIFY(bar.recentFilters().isEmpty());
}

void TestFilterBar::escapeClearsAndApplies()
{
    FilterBar bar;
    bar.setLiveApplyDelay(0);
    QSignalSpy applied(&bar, &FilterBar::filterApplied);
    QTest::keyClicks(bar.lineEdit(), QStringLiteral("status:5xx"));
    QTest::keyClick(bar.lineEdit(), Qt::Key_Return);
    QTest::keyClick(bar.lineEdit(), Qt::Key_Escape);
    QCOMPARE(applied.size(), 2);
    QVERIFY(bar.text().isEmpty());
    QCOMPARE(bar.state(), FilterBar::State::Empty);
    QVERIFY(applied.last().at(0).value<EventFilter>().matchesAll());
    QCOMPARE(bar.recentFilters(), QStringList{QStringLiteral("status:5xx")});
}

void TestFilterBar::liveApplyAfterPause()
{
    FilterBar bar;
    bar.setLiveApplyDelay(20);
    QSignalSpy applied(&bar, &FilterBar::filterApplied);
    QTest::keyClicks(bar.lineEdit(), QStringLiteral("status:"));
    QTest::qWait(60); // invalid: nothing applies
    QCOMPARE(applied.size(), 0);
    QTest::keyClicks(bar.lineEdit(), QStringLiteral("404"));
    QTRY_COMPARE(applied.size(), 1);
    QCOMPARE(appliedText(applied), QStringLiteral("status:404"));
    QVERIFY(bar.recentFilters().isEmpty()); // only Enter records
}

void TestFilterBar::recentFiltersPersistedAndDeduplicated()
{
    {
        FilterBar bar;
        bar.setLiveApplyDelay(0);
        for (const char *text : {"status:401", "auth:failed", "status:401"}) {
            bar.setText(QLatin1String(text));
            bar.apply();
        }
        bar.setText(QStringLiteral("  auth:failed  "));
        bar.apply();
        QCOMPARE(bar.recentFilters(),
                 (QStringList{QStringLiteral("auth:failed"), QStringLiteral("status:401")}));
    }
    QSettings settings;
    QCOMPARE(settings.value(QStringLiteral("filters/recent")).toStringList(),
             (QStringList{QStringLiteral("auth:failed"), QStringLiteral("status:401")}));
    FilterBar reopened;
    QCOMPARE(reopened.recentFilters(),
             (QStringList{QStringLiteral("auth:failed"), QStringLiteral("status:401")}));
}

void TestFilterBar::recentFiltersCapped()
{
    RecentFilters recent;
    for (int i = 0; i < 25; ++i)
        recent.add(QStringLiteral("id:%1").arg(i));
    recent.add(QString());
    const QStringList list = recent.load();
    QCOMPARE(list.size(), RecentFilters::MaxCount);
    QCOMPARE(list.first(), QStringLiteral("id:24"));
    QCOMPARE(list.last(), QStringLiteral("id:5"));
}

void TestFilterBar::recentMenuApplies()
{
    RecentFilters().save({QStringLiteral("valid:false"), QStringLiteral("since:1h")});
    FilterBar bar;
    QSignalSpy applied(&bar, &FilterBar::filterApplied);
    auto *menu = bar.findChild<QMenu *>(QStringLiteral("filterRecentMenu"));
    QVERIFY(menu);
    QCOMPARE(menu->actions().first()->text(), QStringLiteral("valid:false"));
    menu->actions().at(1)->trigger();
    QCOMPARE(applied.size(), 1);
    QCOMPARE(appliedText(applied), QStringLiteral("since:1h"));
    QCOMPARE(bar.text(), QStringLiteral("since:1h"));
    QCOMPARE(bar.recentFilters().first(), QStringLiteral("since:1h"));
}

void TestFilterBar::matchCount()
{
    FilterBar bar;
    bar.show();
    QVERIFY(QTest::qWaitForWindowExposed(&bar));
    auto *label = bar.findChild<QLabel *>(QStringLiteral("filterCountLabel"));
    auto *cancel = bar.findChild<QToolButton *>(QStringLiteral("filterCancelButton"));
    QVERIFY(label && cancel);
    QVERIFY(!label->isVisible());
    QVERIFY(!cancel->isVisible());

    QSignalSpy cancelled(&bar, &FilterBar::cancelCountRequested);
    bar.setMatchCount(1234, false);
    QCOMPARE(label->text(), QStringLiteral("counting… ") + QLocale().toString(1234));
    QVERIFY(cancel->isVisible());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QCOMPARE(cancelled.size(), 1);

    bar.setMatchCount(1234, true);
    QCOMPARE(label->text(), QLocale().toString(1234) + QStringLiteral(" matches"));
    QVERIFY(!cancel->isVisible());
    bar.setMatchCount(1, true);
    QCOMPARE(label->text(), QStringLiteral("1 match"));
    // Progress while the newest-first load runs, and what stays once the user stopped it.
    bar.setMatchCount(56, false, 40);
    QCOMPARE(label->text(), QStringLiteral("counting… 56 (40%)"));
    QVERIFY(cancel->isVisible());
    bar.setPartialMatchCount(56, 40);
    QCOMPARE(label->text(), QStringLiteral("56+ matches in the newest 40%"));
    QVERIFY(!cancel->isVisible());
    QVERIFY(!label->toolTip().isEmpty());
    bar.clearMatchCount();
    QVERIFY(!label->isVisible());
}

QTEST_MAIN(TestFilterBar)
#include "tst_filterbar.moc"
