#include "difftextview.h"

#include "diff/diffcomparison.h"

#include <QEvent>
#include <QFontDatabase>
#include <QScrollBar>

#include <algorithm>
#include <cmath>

namespace hookbench {

namespace {

// Sized for a few screens of Modified rows: each entry is two short range lists.
constexpr int InlineCacheRows = 2000;
constexpr int HeaderPadding = 3;
constexpr int GutterPadding = 6; // also leaves room for the current-change bar

} // namespace

DiffTextView::DiffTextView(QWidget *parent)
    : QAbstractScrollArea(parent)
    , m_inlineCache(InlineCacheRows)
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Text differences"));
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    // Every pixel is painted; skip the background fill.
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    updateMetrics();
}

DiffTextView::~DiffTextView() = default;

void DiffTextView::setComparison(std::shared_ptr<const TextComparison> text,
                                 const QString &oldTitle, const QString &newTitle)
{
    if (!text) {
        clear();
        return;
    }
    m_text = std::move(text);
    m_oldTitle = oldTitle;
    m_newTitle = newTitle;
    m_inlineCache.clear();
    m_focusedRow = -1;
    m_focusedSide = Side::New;
    // The only pass over every line: the horizontal range needs the widest one.
    m_longestColumns = 0;
    for (const TextDiffDocument *doc : {&m_text->oldDoc, &m_text->newDoc}) {
        for (int i = 0, n = doc->lineCount(); i < n; ++i)
            m_longestColumns = std::max(m_longestColumns, displayColumns(doc->line(i)));
    }
    const int lines = std::max(m_text->oldDoc.lineCount(), m_text->newDoc.lineCount());
    m_lineNumberDigits = std::max(3, int(QString::number(lines).size()));
    updateMetrics();
    verticalScrollBar()->setValue(0);
    horizontalScrollBar()->setValue(0);
    m_currentChange = -1;
    Q_EMIT currentChangeChanged(-1, changeCount());
    viewport()->update();
}

void DiffTextView::clear()
{
    m_text.reset();
    m_oldTitle.clear();
    m_newTitle.clear();
    m_inlineCache.clear();
    m_longestColumns = 0;
    m_focusedRow = -1;
    updateScrollBars();
    m_currentChange = -1;
    Q_EMIT currentChangeChanged(-1, 0);
    viewport()->update();
}

void DiffTextView::setPlaceholderText(const QString &text)
{
    m_placeholder = text;
    if (!m_text)
        viewport()->update();
}

const TextDiffAlignment &DiffTextView::alignment() const
{
    static const TextDiffAlignment empty;
    return m_text ? m_text->alignment : empty;
}

int DiffTextView::changeCount() const
{
    return alignment().changeCount();
}

int DiffTextView::rowCount() const
{
    return alignment().rowCount();
}

int DiffTextView::firstVisibleRow() const
{
    return verticalScrollBar()->value();
}

int DiffTextView::visibleRowCount() const
{
    return std::max(0, std::min(fullRowCapacity(), rowCount() - firstVisibleRow()));
}

int DiffTextView::fullRowCapacity() const
{
    return std::max(1, (viewport()->height() - geometry().headerHeight) / m_rowHeight);
}

int DiffTextView::rowAt(const QPoint &viewportPos) const
{
    const int y = viewportPos.y() - geometry().headerHeight;
    if (!m_text || y < 0)
        return -1;
    const int row = firstVisibleRow() + y / m_rowHeight;
    return row < rowCount() ? row : -1;
}

DiffTextView::Side DiffTextView::sideAt(const QPoint &viewportPos) const
{
    return viewportPos.x() < geometry().newPaneLeft ? Side::Old : Side::New;
}

DiffTextView::Geometry DiffTextView::geometry() const
{
    Geometry geo;
    geo.headerHeight = m_rowHeight + 2 * HeaderPadding + 1; // + its bottom line
    const int width = viewport()->width();
    geo.paneWidth = std::max(0, (width - geo.dividerWidth) / 2);
    geo.newPaneLeft = geo.paneWidth + geo.dividerWidth;
    geo.gutterWidth = int(std::ceil(m_lineNumberDigits * m_charWidth)) + 2 * GutterPadding;
    geo.textAreaWidth = std::max(0, geo.paneWidth - geo.gutterWidth);
    return geo;
}

void DiffTextView::updateMetrics()
{
    const QFontMetricsF metrics(font());
    m_rowHeight = std::max(1, int(std::ceil(metrics.lineSpacing())));
    m_ascent = int(std::ceil(metrics.ascent()));
    m_charWidth = std::max<qreal>(1, metrics.horizontalAdvance(QLatin1Char('0')));
    updateScrollBars();
    viewport()->update();
}

void DiffTextView::updateScrollBars()
{
    const int capacity = fullRowCapacity();
    QScrollBar *vertical = verticalScrollBar();
    vertical->setRange(0, std::max(0, rowCount() - capacity));
    vertical->setPageStep(capacity);
    vertical->setSingleStep(1);

    const Geometry geo = geometry();
    // Text starts half a gutter padding in; leave the same at the end of the longest line.
    const int contentWidth = int(std::ceil(m_longestColumns * m_charWidth)) + GutterPadding;
    QScrollBar *horizontal = horizontalScrollBar();
    horizontal->setRange(0, m_text ? std::max(0, contentWidth - geo.textAreaWidth) : 0);
    horizontal->setPageStep(std::max(1, geo.textAreaWidth));
    horizontal->setSingleStep(std::max(1, int(std::ceil(m_charWidth * 2))));
}

void DiffTextView::setCurrentChange(int index)
{
    if (index == m_currentChange)
        return;
    m_currentChange = index;
    viewport()->update();
    Q_EMIT currentChangeChanged(index, changeCount());
}

void DiffTextView::nextChange()
{
    const TextDiffAlignment &rows = alignment();
    int target = -1;
    if (m_currentChange >= 0)
        target = m_currentChange + 1 < changeCount() ? m_currentChange + 1 : -1;
    else if (const int row = rows.nextChangeRow(firstVisibleRow() - 1); row >= 0)
        target = rows.changeAtRow(row);
    if (target >= 0)
        goToChange(target);
}

void DiffTextView::previousChange()
{
    const TextDiffAlignment &rows = alignment();
    int target = -1;
    if (m_currentChange >= 0)
        target = m_currentChange - 1;
    else if (const int row = rows.previousChangeRow(firstVisibleRow()); row >= 0)
        target = rows.changeAtRow(row);
    if (target >= 0)
        goToChange(target);
}

void DiffTextView::goToChange(int index)
{
    if (index < 0 || index >= changeCount())
        return;
    // The change's first row becomes the focused row, so Ctrl+C and the arrows start there.
    focusRow(alignment().changeFirstRow(index), Side::New, true);
}

void DiffTextView::scrollToOldLine(int line)
{
    if (rowCount() == 0 || line < 0)
        return;
    focusRow(std::min(alignment().rowForOldLine(line), rowCount() - 1), Side::Old, true);
}

void DiffTextView::scrollToNewLine(int line)
{
    if (rowCount() == 0 || line < 0)
        return;
    focusRow(std::min(alignment().rowForNewLine(line), rowCount() - 1), Side::New, true);
}

void DiffTextView::focusRow(int row, Side side, bool scrollToThird)
{
    m_focusedRow = row;
    m_focusedSide = side;
    if (scrollToThird)
        scrollRowToThird(row);
    else
        ensureRowVisible(row);
    // Leaving the changes keeps the last one current: F7 goes on from there.
    if (const int change = alignment().changeAtRow(row); change >= 0)
        setCurrentChange(change);
    viewport()->update();
}

void DiffTextView::scrollRowToThird(int row)
{
    verticalScrollBar()->setValue(row - fullRowCapacity() / 3);
}

void DiffTextView::ensureRowVisible(int row)
{
    const int first = firstVisibleRow();
    const int capacity = fullRowCapacity();
    if (row < first)
        verticalScrollBar()->setValue(row);
    else if (row >= first + capacity)
        verticalScrollBar()->setValue(row - capacity + 1);
}

void DiffTextView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
}

void DiffTextView::scrollContentsBy(int, int)
{
    viewport()->update();
}

void DiffTextView::changeEvent(QEvent *event)
{
    QAbstractScrollArea::changeEvent(event);
    switch (event->type()) {
    case QEvent::FontChange:
    case QEvent::StyleChange:
        updateMetrics();
        break;
    case QEvent::PaletteChange:
        viewport()->update(); // colours are derived from the palette at paint time
        break;
    default:
        break;
    }
}

} // namespace hookbench
