#include "difftextview.h"

#include "diff/diffcomparison.h"

#include <QApplication>
#include <QClipboard>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QWheelEvent>

using namespace hookbench;
using Kind = TextDiffAlignment::Kind;

namespace {

std::shared_ptr<const TextComparison> makeComparison(const QByteArray &oldText,
                                                     const QByteArray &newText)
{
    auto text = std::make_shared<TextComparison>();
    text->oldDoc = TextDiffDocument(oldText);
    text->newDoc = TextDiffDocument(newText);
    text->diff = TextDiff::compute(text->oldDoc, text->newDoc);
    text->alignment = TextDiffAlignment(text->diff);
    return text;
}

// Rows: 0-2 equal, 3 modified (change 0), 4-5 equal, 6 added (change 1), 7 equal,
// 8 removed (change 2), 9-10 equal.
const QByteArray smallOld = "{\n"
                            "  \"id\": 1,\n"
                            "  \"name\": \"alpha\",\n"
                            "  \"weight\": 50,\n"
                            "  \"status\": \"RUNNING\",\n"
                            "  \"goals\": [],\n"
                            "  \"tags\": [\"a\"],\n"
                            "  \"extra\": true,\n"
                            "  \"percent\": 100\n"
                            "}\n";
const QByteArray smallNew = "{\n"
                            "  \"id\": 1,\n"
                            "  \"name\": \"alpha\",\n"
                            "  \"weight\": 25,\n"
                            "  \"status\": \"RUNNING\",\n"
                            "  \"goals\": [],\n"
                            "  \"added\": 1,\n"
                            "  \"tags\": [\"a\"],\n"
                            "  \"percent\": 100\n"
                            "}\n";

// ~500k lines (~10 MB) a side; in every 1000 lines one is modified, one added, one removed.
constexpr int LargeLines = 500000;
std::shared_ptr<const TextComparison> makeLarge()
{
    QByteArray oldText, newText;
    oldText.reserve(LargeLines * 22);
    newText.reserve(LargeLines * 24);
    for (int i = 0; i < LargeLines; ++i) {
        const QByteArray line = "  \"k" + QByteArray::number(i) + "\": " + QByteArray::number(i);
        oldText += line + ",\n";
        if (i % 1000 == 900)
            continue; // removed
        if (i % 1000 == 700)
            newText += "  \"inserted" + QByteArray::number(i) + "\": true,\n";
        newText += (i % 1000 == 500 ? QByteArray(line + "0") : line) + ",\n";
    }
    return makeComparison(oldText, newText);
}

// The middle of a row's area in the widget's coordinates, on the chosen pane near its right
// edge (past the text, inside the frame).
QPoint rowPixel(const DiffTextView &view, int row, DiffTextView::Side side)
{
    const QWidget *viewport = view.viewport();
    const int x =
        side == DiffTextView::Side::New ? viewport->width() - 12 : viewport->width() / 2 - 12;
    int top = -1, bottom = -1;
    for (int y = 0; y < viewport->height(); ++y) {
        if (view.rowAt(QPoint(x, y)) == row) {
            if (top < 0)
                top = y;
            bottom = y;
        }
    }
    if (top < 0)
        return {-1, -1};
    return viewport->mapTo(&view, QPoint(x, (top + bottom) / 2));
}

QPoint rowPoint(const DiffTextView &view, int row, DiffTextView::Side side)
{
    const QPoint inWidget = rowPixel(view, row, side);
    return inWidget.x() < 0 ? inWidget : view.viewport()->mapFrom(&view, inWidget);
}

} // namespace

class TestDiffTextView : public QObject
{
    Q_OBJECT

    std::shared_ptr<const TextComparison> m_small;
    std::shared_ptr<const TextComparison> m_large;

    void showView(DiffTextView &view, QSize size = {900, 600})
    {
        view.resize(size);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_small = makeComparison(smallOld, smallNew);
        QCOMPARE(m_small->alignment.rowCount(), 11);
        QCOMPARE(m_small->alignment.changeCount(), 3);
        QCOMPARE(m_small->alignment.row(3).kind, Kind::Modified);
        QCOMPARE(m_small->alignment.row(6).kind, Kind::Added);
        QCOMPARE(m_small->alignment.row(8).kind, Kind::Removed);
        m_large = makeLarge();
        QCOMPARE(m_large->alignment.changeCount(), 3 * LargeLines / 1000);
    }

    void accessibleNameAndEmptyState()
    {
        DiffTextView view;
        QCOMPARE(view.accessibleName(), QStringLiteral("Text differences"));
        QCOMPARE(view.rowCount(), 0);
        QCOMPARE(view.changeCount(), 0);
        QCOMPARE(view.currentChange(), -1);
        QCOMPARE(view.focusedRow(), -1);
        view.nextChange();
        view.previousChange();
        view.scrollToNewLine(3);
        QCOMPARE(view.currentChange(), -1);
        QCOMPARE(view.focusedRow(), -1);
    }

    void scrollBarsFollowRowsAndViewport()
    {
        DiffTextView view;
        showView(view, {700, 400});
        view.setComparison(m_large, QStringLiteral("old.json"), QStringLiteral("new.json"));
        QScrollBar *bar = view.verticalScrollBar();
        QCOMPARE(view.rowCount(), m_large->alignment.rowCount());
        const int visible = view.visibleRowCount();
        QVERIFY(visible > 5);
        QCOMPARE(bar->pageStep(), visible);
        QCOMPARE(bar->maximum(), view.rowCount() - visible);

        view.resize(700, 800); // taller: more rows fit, the range shrinks by as many
        QVERIFY(view.visibleRowCount() > visible);
        QCOMPARE(bar->maximum(), view.rowCount() - view.visibleRowCount());

        bar->setValue(bar->maximum());
        QCOMPARE(view.firstVisibleRow() + view.visibleRowCount(), view.rowCount());

        view.setComparison(m_small, QStringLiteral("old.json"), QStringLiteral("new.json"));
        QCOMPARE(bar->maximum(), 0);
        QCOMPARE(view.firstVisibleRow(), 0);
        QCOMPARE(view.visibleRowCount(), 11);
        view.clear();
        QCOMPARE(bar->maximum(), 0);
        QCOMPARE(view.rowCount(), 0);
    }

    void nextAndPreviousStopAtTheEnds()
    {
        DiffTextView view;
        showView(view);
        QSignalSpy spy(&view, &DiffTextView::currentChangeChanged);
        view.setComparison(m_small, QStringLiteral("old.json"), QStringLiteral("new.json"));
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.takeFirst(), (QVariantList{-1, 3}));

        const QList<int> firstRows{3, 6, 8};
        for (int i = 0; i < 3; ++i) {
            view.nextChange();
            QCOMPARE(view.currentChange(), i);
            QCOMPARE(view.focusedRow(), firstRows[i]);
            QCOMPARE(spy.size(), 1);
            QCOMPARE(spy.takeFirst(), (QVariantList{i, 3}));
        }
        view.nextChange(); // at the end: stays, no signal
        QCOMPARE(view.currentChange(), 2);
        QCOMPARE(spy.size(), 0);
        for (int i = 1; i >= 0; --i) {
            view.previousChange();
            QCOMPARE(view.currentChange(), i);
            QCOMPARE(spy.takeFirst(), (QVariantList{i, 3}));
        }
        view.previousChange();
        QCOMPARE(view.currentChange(), 0);
        QCOMPARE(spy.size(), 0);
        view.goToChange(7); // out of range: ignored
        view.goToChange(-1);
        QCOMPARE(view.currentChange(), 0);
        QCOMPARE(spy.size(), 0);
    }

    void nextStepsThroughEveryLargeChange()
    {
        DiffTextView view;
        showView(view);
        view.setComparison(m_large, QStringLiteral("old.json"), QStringLiteral("new.json"));
        const TextDiffAlignment &rows = m_large->alignment;
        for (int i = 0; i < rows.changeCount(); ++i) {
            view.nextChange();
            QCOMPARE(view.currentChange(), i);
            const int row = rows.changeFirstRow(i);
            QVERIFY(row >= view.firstVisibleRow());
            QVERIFY(row < view.firstVisibleRow() + view.visibleRowCount());
        }
        view.nextChange();
        QCOMPARE(view.currentChange(), rows.changeCount() - 1);

        // Without a current change, "next" starts from the top visible row.
        view.setComparison(m_large, QStringLiteral("old.json"), QStringLiteral("new.json"));
        view.verticalScrollBar()->setValue(rows.rowCount() / 2);
        const int top = view.firstVisibleRow();
        view.nextChange();
        const int row = rows.changeFirstRow(view.currentChange());
        QVERIFY(row >= top);
        QCOMPARE(rows.nextChangeRow(top - 1), row);
        view.setComparison(m_large, QStringLiteral("old.json"), QStringLiteral("new.json"));
        view.verticalScrollBar()->setValue(rows.rowCount() / 2);
        view.previousChange();
        QCOMPARE(rows.changeFirstRow(view.currentChange()), rows.previousChangeRow(top));
    }

    void scrollToLineFocusesRowAndChange()
    {
        DiffTextView view;
        showView(view);
        view.setComparison(m_large, QStringLiteral("old.json"), QStringLiteral("new.json"));
        const TextDiffAlignment &rows = m_large->alignment;

        // 250 lines removed and 250 inserted before it: "inserted250700" is new line 250700.
        const int inserted = 250700;
        const int newRow = rows.rowForNewLine(inserted);
        QCOMPARE(rows.row(newRow).kind, Kind::Added);
        view.scrollToNewLine(inserted);
        QCOMPARE(view.focusedRow(), newRow);
        QCOMPARE(view.currentChange(), rows.changeAtRow(newRow));
        QVERIFY(newRow >= view.firstVisibleRow());
        QVERIFY(newRow < view.firstVisibleRow() + view.visibleRowCount());
        QVERIFY(qAbs(newRow - view.firstVisibleRow() - view.visibleRowCount() / 3) <= 1);

        const int change = view.currentChange();
        const int equalOld = 400123;
        const int oldRow = rows.rowForOldLine(equalOld);
        QCOMPARE(rows.row(oldRow).kind, Kind::Equal);
        view.scrollToOldLine(equalOld);
        QCOMPARE(view.focusedRow(), oldRow);
        QCOMPARE(view.currentChange(), change); // not in a change: unchanged
        QVERIFY(oldRow >= view.firstVisibleRow());
        QVERIFY(oldRow < view.firstVisibleRow() + view.visibleRowCount());

        const int removedOld = 400900;
        QCOMPARE(rows.row(rows.rowForOldLine(removedOld)).kind, Kind::Removed);
        view.scrollToOldLine(removedOld);
        QCOMPARE(view.focusedRow(), rows.rowForOldLine(removedOld));
        QCOMPARE(view.currentChange(), rows.changeAtRow(view.focusedRow()));

        view.scrollToNewLine(0); // near the top: clamped, still visible
        QCOMPARE(view.firstVisibleRow(), 0);
        QCOMPARE(view.focusedRow(), 0);
    }

    void clickFocusesRowAndCopyTakesItsSide()
    {
        DiffTextView view;
        showView(view);
        view.setComparison(m_small, QStringLiteral("old.json"), QStringLiteral("new.json"));

        const QPoint someWhere(view.viewport()->width() / 4, view.viewport()->height() / 3);
        const int expected = view.rowAt(someWhere);
        QVERIFY(expected >= 0);
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, someWhere);
        QCOMPARE(view.focusedRow(), expected);

        const QPoint modifiedOld = rowPoint(view, 3, DiffTextView::Side::Old);
        QVERIFY(modifiedOld.x() >= 0);
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, modifiedOld);
        QCOMPARE(view.focusedRow(), 3);
        QCOMPARE(view.currentChange(), 0);
        QTest::keyClick(&view, Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("  \"weight\": 50,"));

        QTest::mouseClick(view.viewport(), Qt::LeftButton, {},
                          rowPoint(view, 6, DiffTextView::Side::New));
        QCOMPARE(view.focusedRow(), 6);
        QCOMPARE(view.currentChange(), 1);
        QTest::keyClick(&view, Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("  \"added\": 1,"));

        // Keyboard moves copy the new side.
        QTest::keyClick(&view, Qt::Key_Up);
        QTest::keyClick(&view, Qt::Key_Up);
        QTest::keyClick(&view, Qt::Key_Up);
        QCOMPARE(view.focusedRow(), 3);
        QCOMPARE(view.currentChange(), 0);
        QTest::keyClick(&view, Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("  \"weight\": 25,"));

        // A removed line has only its old side.
        view.scrollToOldLine(7);
        QCOMPARE(view.focusedRow(), 8);
        QTest::keyClick(&view, Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("  \"extra\": true,"));

        QTest::keyClick(&view, Qt::Key_End);
        QCOMPARE(view.focusedRow(), 10);
        QTest::keyClick(&view, Qt::Key_Home);
        QCOMPARE(view.focusedRow(), 0);
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, QPoint(10, 1)); // the header
        QCOMPARE(view.focusedRow(), 0);
    }

    void keyboardAndWheelScroll()
    {
        DiffTextView view;
        showView(view, {600, 400});
        QByteArray longOld = smallOld, longNew = smallNew;
        longOld += QByteArray(2000, 'x') + '\n';
        longNew += QByteArray(2000, 'y') + '\n';
        view.setComparison(makeComparison(longOld + longOld.repeated(100), longNew),
                           QStringLiteral("old.json"), QStringLiteral("new.json"));
        QScrollBar *horizontal = view.horizontalScrollBar();
        QVERIFY(horizontal->maximum() > 1000);
        QTest::keyClick(&view, Qt::Key_Right);
        QVERIFY(horizontal->value() > 0);
        QTest::keyClick(&view, Qt::Key_Left);
        QCOMPARE(horizontal->value(), 0);

        QTest::keyClick(&view, Qt::Key_PageDown);
        QVERIFY(view.firstVisibleRow() > 0);
        QVERIFY(view.focusedRow() >= view.firstVisibleRow());
        QTest::keyClick(&view, Qt::Key_PageUp);
        QCOMPARE(view.firstVisibleRow(), 0);

        const QPoint center = view.viewport()->rect().center();
        QWheelEvent down(center, view.viewport()->mapToGlobal(center), {}, QPoint(0, -120),
                         Qt::NoButton, {}, Qt::NoScrollPhase, false);
        QApplication::sendEvent(view.viewport(), &down);
        QVERIFY(view.firstVisibleRow() > 0);
        QWheelEvent right(center, view.viewport()->mapToGlobal(center), {}, QPoint(-120, 0),
                          Qt::NoButton, {}, Qt::NoScrollPhase, false);
        QApplication::sendEvent(view.viewport(), &right);
        QVERIFY(horizontal->value() > 0);
        QVERIFY(!view.grab().isNull()); // scrolled sideways: clipped slices
    }

    void paintsLargeTintedInLightAndDark_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }

    void paintsLargeTintedInLightAndDark()
    {
        QFETCH(bool, dark);
        DiffTextView view;
        if (dark) {
            QPalette palette;
            palette.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
            palette.setColor(QPalette::Text, QColor(0xdd, 0xdd, 0xdd));
            palette.setColor(QPalette::Window, QColor(0x2d, 0x2d, 0x2d));
            palette.setColor(QPalette::WindowText, QColor(0xdd, 0xdd, 0xdd));
            view.setPalette(palette);
        }
        showView(view);
        view.setComparison(m_large, QStringLiteral("settings-v1.json"),
                           QStringLiteral("settings-v2.json"));
        const TextDiffAlignment &rows = m_large->alignment;

        // The middle: an added row (focused) against the equal row after it.
        const int addedRow = rows.rowForNewLine(250700);
        view.scrollToNewLine(250700);
        QImage image = view.grab().toImage();
        QVERIFY(!image.isNull());
        const QPoint added = rowPixel(view, addedRow, DiffTextView::Side::New);
        const QPoint equal = rowPixel(view, addedRow + 2, DiffTextView::Side::New);
        const QPoint gap = rowPixel(view, addedRow, DiffTextView::Side::Old);
        QCOMPARE(rows.row(addedRow + 2).kind, Kind::Equal);
        QVERIFY(added.x() >= 0 && equal.x() >= 0 && gap.x() >= 0);
        const QColor addedColor = image.pixelColor(added);
        const QColor equalColor = image.pixelColor(equal);
        QVERIFY(addedColor != equalColor);
        QVERIFY2(addedColor.green() > addedColor.red(), qPrintable(addedColor.name()));
        QCOMPARE(equalColor, view.palette().color(QPalette::Base));
        // The gap facing the added line is hatched or darker: not the plain base anywhere near.
        bool gapDiffers = false;
        for (int dx = 0; dx < 8; ++dx)
            gapDiffers |= image.pixelColor(gap + QPoint(-dx, 0)) != equalColor;
        QVERIFY(gapDiffers);

        // A removed row reads reddish on the old side.
        const int removedRow = rows.rowForOldLine(250900);
        view.scrollToOldLine(250900);
        image = view.grab().toImage();
        const QColor removedColor =
            image.pixelColor(rowPixel(view, removedRow, DiffTextView::Side::Old));
        QVERIFY2(removedColor.red() > removedColor.green(), qPrintable(removedColor.name()));

        // The end.
        view.verticalScrollBar()->setValue(view.verticalScrollBar()->maximum());
        QCOMPARE(view.firstVisibleRow() + view.visibleRowCount(), view.rowCount());
        QVERIFY(!view.grab().isNull());
        QTest::keyClick(&view, Qt::Key_End);
        QCOMPARE(view.focusedRow(), view.rowCount() - 1);
        QVERIFY(!view.grab().isNull());
    }

    void noDifferencesEmptyAndClearPaint()
    {
        DiffTextView view;
        showView(view, {500, 300});
        QSignalSpy spy(&view, &DiffTextView::currentChangeChanged);
        view.setComparison(makeComparison(smallOld, smallOld), QStringLiteral("a.json"),
                           QStringLiteral("b.json"));
        QCOMPARE(spy.takeFirst(), (QVariantList{-1, 0}));
        QCOMPARE(view.changeCount(), 0);
        view.nextChange();
        view.previousChange();
        QCOMPARE(view.currentChange(), -1);
        QVERIFY(!view.grab().isNull());

        view.setComparison(makeComparison({}, {}), QStringLiteral("a.json"),
                           QStringLiteral("b.json"));
        QCOMPARE(view.rowCount(), 0);
        view.scrollToOldLine(0);
        QCOMPARE(view.focusedRow(), -1);
        QVERIFY(!view.grab().isNull());

        view.setComparison(m_small, QStringLiteral("a.json"), QStringLiteral("b.json"));
        view.nextChange();
        spy.clear();
        view.clear();
        QCOMPARE(spy.takeFirst(), (QVariantList{-1, 0}));
        QCOMPARE(view.rowCount(), 0);
        QCOMPARE(view.focusedRow(), -1);
        const QImage blank = view.grab().toImage();
        view.setPlaceholderText(QStringLiteral("Choose two versions to compare"));
        const QImage withText = view.grab().toImage();
        QVERIFY(withText != blank);
        QTest::keyClick(&view, Qt::Key_C, Qt::ControlModifier); // nothing to copy: no crash
        view.setFont(QFont(view.font().family(), view.font().pointSize() + 4));
        view.setComparison(m_small, QStringLiteral("a.json"), QStringLiteral("b.json"));
        QVERIFY(!view.grab().isNull());
    }
};

QTEST_MAIN(TestDiffTextView)
#include "tst_difftextview.moc"
