// DiffTextView's keyboard and mouse: the focused row moves like a cursor, and Ctrl+C copies it.
#include "difftextview.h"

#include "diff/diffcomparison.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QScrollBar>

#include <algorithm>
#include <cstdlib>

namespace hookbench {

void DiffTextView::moveFocusBy(int rows)
{
    if (rowCount() == 0)
        return;
    // Without a focused row in view, the cursor enters at the top (down) or bottom (up).
    int from = m_focusedRow;
    const int first = firstVisibleRow();
    if (from < first || from >= first + fullRowCapacity())
        from = rows > 0 ? first - 1 : first + fullRowCapacity();
    const int row = std::clamp(from + rows, 0, rowCount() - 1);
    if (std::abs(rows) > 1) // a page: the view moves with the cursor
        verticalScrollBar()->setValue(first + (row - from));
    focusRow(row, Side::New, false);
}

QString DiffTextView::focusedLineText() const
{
    if (!m_text || m_focusedRow < 0 || m_focusedRow >= rowCount())
        return {};
    const TextDiffAlignment::Row row = alignment().row(m_focusedRow);
    const bool old = m_focusedSide == Side::Old ? row.oldLine >= 0 : row.newLine < 0;
    QByteArrayView line = old ? m_text->oldDoc.line(row.oldLine) : m_text->newDoc.line(row.newLine);
    if (line.endsWith('\r'))
        line.chop(1);
    return QString::fromUtf8(line);
}

void DiffTextView::copy()
{
    if (m_focusedRow >= 0)
        QGuiApplication::clipboard()->setText(focusedLineText());
}

void DiffTextView::keyPressEvent(QKeyEvent *event)
{
    if (event == QKeySequence::Copy) {
        copy();
        return;
    }
    const int page = std::max(1, fullRowCapacity() - 1);
    switch (event->key()) {
    case Qt::Key_Up:
        moveFocusBy(-1);
        break;
    case Qt::Key_Down:
        moveFocusBy(1);
        break;
    case Qt::Key_PageUp:
        moveFocusBy(-page);
        break;
    case Qt::Key_PageDown:
        moveFocusBy(page);
        break;
    case Qt::Key_Home:
        if (rowCount() > 0)
            focusRow(0, Side::New, false);
        break;
    case Qt::Key_End:
        if (rowCount() > 0)
            focusRow(rowCount() - 1, Side::New, false);
        break;
    case Qt::Key_Left:
        horizontalScrollBar()->triggerAction(QAbstractSlider::SliderSingleStepSub);
        break;
    case Qt::Key_Right:
        horizontalScrollBar()->triggerAction(QAbstractSlider::SliderSingleStepAdd);
        break;
    default:
        QAbstractScrollArea::keyPressEvent(event);
        return;
    }
    event->accept();
}

void DiffTextView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QAbstractScrollArea::mousePressEvent(event);
        return;
    }
    const QPoint pos = event->position().toPoint();
    if (const int row = rowAt(pos); row >= 0)
        focusRow(row, sideAt(pos), false);
    event->accept();
}

void DiffTextView::mouseReleaseEvent(QMouseEvent *event)
{
    // The press was ours: keep the release from reaching the parent.
    event->setAccepted(event->button() == Qt::LeftButton);
}

} // namespace hookbench
