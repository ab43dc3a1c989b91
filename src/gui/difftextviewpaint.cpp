// DiffTextView's painting: only the rows in the exposed rect, each line decoded from UTF-8 only
// as far as the pane shows it.
#include "difftextview.h"

#include "diff/diffcomparison.h"

#include <QPaintEvent>
#include <QPainter>
#include <QScrollBar>

#include <algorithm>
#include <cmath>
#include <vector>

namespace hookbench {

namespace {

constexpr int BarWidth = 3; // the current change's bar at the gutter's left edge
constexpr int TextIndent = 3;
constexpr int NumberRightPadding = 5;

QColor mix(const QColor &base, const QColor &tint, qreal amount)
{
    const auto blend = [amount](qreal a, qreal b) { return a + (b - a) * amount; };
    return QColor::fromRgbF(float(blend(base.redF(), tint.redF())),
                            float(blend(base.greenF(), tint.greenF())),
                            float(blend(base.blueF(), tint.blueF())));
}

QByteArrayView withoutCarriageReturn(QByteArrayView line)
{
    return line.endsWith('\r') ? line.chopped(1) : line;
}

// The part of a line between two display columns (tabs expanded), and where each UTF-16 index
// of the line up to there lands, for the intra-line ranges.
struct LineSlice
{
    QString text;
    int firstColumn = 0;
    std::vector<int> columnAt; // UTF-16 index -> column, for the decoded prefix
    int endColumn = 0;

    int columnOf(int index) const
    {
        return index < int(columnAt.size()) ? columnAt[size_t(index)] : endColumn;
    }
};

LineSlice sliceLine(QByteArrayView bytes, int firstColumn, int endColumn)
{
    LineSlice slice;
    slice.endColumn = endColumn;
    // A column takes at most 4 bytes, so a 10 MB line costs only the visible part.
    const qsizetype needed = qsizetype(endColumn) * 4 + 4;
    const QString line = QString::fromUtf8(bytes.first(std::min(bytes.size(), needed)));
    slice.columnAt.reserve(size_t(std::min<qsizetype>(line.size(), endColumn + 1) + 1));
    int column = 0;
    bool lastAppended = false;
    qsizetype i = 0;
    for (; i < line.size() && column < endColumn; ++i) {
        slice.columnAt.push_back(column);
        const QChar ch = line.at(i);
        if (ch.isLowSurrogate()) { // drawn with its high surrogate, takes no column
            if (lastAppended)
                slice.text.append(ch);
            continue;
        }
        const int width =
            ch == u'\t' ? DiffTextView::TabWidth - column % DiffTextView::TabWidth : 1;
        lastAppended = column + width > firstColumn;
        if (lastAppended) {
            if (slice.text.isEmpty())
                slice.firstColumn = std::max(column, firstColumn);
            if (ch == u'\t')
                slice.text.append(QString(column + width - std::max(column, firstColumn), u' '));
            else
                slice.text.append(ch.isPrint() || ch.isSurrogate() ? ch : QChar(0xFFFD));
        }
        column += width;
    }
    slice.columnAt.push_back(column);
    return slice;
}

} // namespace

struct DiffTextView::Colors
{
    QColor base, text, gutter, gutterText, header, headerText, rule, gap, hatch, highlight;
    QColor removed, removedStrong, removedGutter, added, addedStrong, addedGutter;
    QColor modifiedOld, modifiedNew;

    explicit Colors(const QPalette &palette)
    {
        base = palette.color(QPalette::Base);
        text = palette.color(QPalette::Text);
        const bool dark = base.lightnessF() < 0.5;
        // Dark backgrounds need more tint for the same visible difference.
        const qreal weak = dark ? 0.16 : 0.10;
        const qreal normal = dark ? 0.26 : 0.18;
        const qreal strong = dark ? 0.50 : 0.38;
        const QColor red = dark ? QColor(0xf8, 0x51, 0x49) : QColor(0xd1, 0x24, 0x2f);
        const QColor green = dark ? QColor(0x3f, 0xb9, 0x50) : QColor(0x1a, 0x7f, 0x37);
        gutter = mix(base, text, 0.05);
        gutterText = palette.color(QPalette::PlaceholderText);
        header = palette.color(QPalette::Window);
        headerText = palette.color(QPalette::WindowText);
        rule = mix(base, text, 0.25);
        gap = mix(base, text, 0.04);
        hatch = mix(base, text, 0.14);
        highlight = palette.color(QPalette::Highlight);
        removed = mix(base, red, normal);
        removedStrong = mix(base, red, strong);
        removedGutter = mix(gutter, red, weak);
        added = mix(base, green, normal);
        addedStrong = mix(base, green, strong);
        addedGutter = mix(gutter, green, weak);
        modifiedOld = mix(base, red, weak);
        modifiedNew = mix(base, green, weak);
    }
};

void DiffTextView::paintEvent(QPaintEvent *event)
{
    QPainter painter(viewport());
    if (!m_text) {
        paintPlaceholder(painter);
        return;
    }
    const Geometry geo = geometry();
    const Colors colors(palette());
    const QRect exposed = event->rect();
    painter.fillRect(exposed, colors.base);
    // Gutters run on below the last row.
    painter.fillRect(0, 0, geo.gutterWidth, viewport()->height(), colors.gutter);
    painter.fillRect(geo.newPaneLeft, 0, geo.gutterWidth, viewport()->height(), colors.gutter);

    const int first = firstVisibleRow();
    const int from = std::max(0, (exposed.top() - geo.headerHeight) / m_rowHeight);
    const int to = (exposed.bottom() - geo.headerHeight) / m_rowHeight + 1;
    for (int i = from; i < to && first + i < rowCount(); ++i)
        paintRow(painter, geo, colors, first + i, geo.headerHeight + i * m_rowHeight);

    painter.fillRect(geo.paneWidth, 0, geo.dividerWidth, viewport()->height(), colors.rule);
    paintHeader(painter, geo, colors);
}

void DiffTextView::paintPlaceholder(QPainter &painter)
{
    const QRect area = viewport()->rect();
    painter.fillRect(area, palette().color(QPalette::Base));
    painter.setPen(palette().color(QPalette::PlaceholderText));
    painter.drawText(area.adjusted(12, 12, -12, -12), Qt::AlignCenter | Qt::TextWordWrap,
                     m_placeholder);
}

void DiffTextView::paintHeader(QPainter &painter, const Geometry &geo, const Colors &colors)
{
    const int width = viewport()->width();
    painter.fillRect(0, 0, width, geo.headerHeight - 1, colors.header);
    painter.fillRect(0, geo.headerHeight - 1, width, 1, colors.rule);
    painter.fillRect(geo.paneWidth, 0, geo.dividerWidth, geo.headerHeight, colors.rule);
    QFont bold = font();
    bold.setBold(true);
    painter.setFont(bold);
    painter.setPen(colors.headerText);
    const QFontMetrics metrics(bold);
    for (const auto &[left, title] : {std::pair{0, &m_oldTitle}, {geo.newPaneLeft, &m_newTitle}}) {
        const QRect rect(left + BarWidth + 3, 0, geo.paneWidth - BarWidth - 6,
                         geo.headerHeight - 1);
        painter.drawText(rect, Qt::AlignLeft | Qt::AlignVCenter,
                         metrics.elidedText(*title, Qt::ElideMiddle, rect.width()));
    }
    painter.setFont(font());
}

void DiffTextView::paintRow(QPainter &painter, const Geometry &geo, const Colors &colors, int row,
                            int y)
{
    const TextDiffAlignment::Row r = alignment().row(row);
    RowState state;
    state.y = y;
    state.kind = r.kind;
    state.focused = row == m_focusedRow;
    if (m_currentChange >= 0) {
        const int start = alignment().changeFirstRow(m_currentChange);
        state.inCurrentChange =
            row >= start && row < start + alignment().changeRowCount(m_currentChange);
    }
    const TextDiffInline::Result *inline_ = r.kind == TextDiffAlignment::Kind::Modified
                                                ? inlineRanges(row, r.oldLine, r.newLine)
                                                : nullptr;
    paintSide(painter, geo, colors, state, Side::Old, r.oldLine,
              inline_ ? &inline_->oldRanges : nullptr);
    paintSide(painter, geo, colors, state, Side::New, r.newLine,
              inline_ ? &inline_->newRanges : nullptr);

    if (state.focused) {
        painter.setPen(colors.highlight);
        painter.setBrush(Qt::NoBrush);
        for (const int left : {0, geo.newPaneLeft})
            painter.drawRect(left, y, geo.paneWidth - 1, m_rowHeight - 1);
    }
}

void DiffTextView::paintSide(QPainter &painter, const Geometry &geo, const Colors &colors,
                             const RowState &state, Side side, int line,
                             const QList<TextDiffInline::Range> *ranges)
{
    using Kind = TextDiffAlignment::Kind;
    const bool oldSide = side == Side::Old;
    const int paneLeft = oldSide ? 0 : geo.newPaneLeft;
    const int y = state.y;
    const QRect gutterRect(paneLeft, y, geo.gutterWidth, m_rowHeight);
    const QRect textRect(paneLeft + geo.gutterWidth, y, geo.textAreaWidth, m_rowHeight);

    QColor gutter = colors.gutter;
    QColor background = colors.base;
    if (state.kind != Kind::Equal && line >= 0) {
        gutter = oldSide ? colors.removedGutter : colors.addedGutter;
        if (state.kind == Kind::Modified)
            background = oldSide ? colors.modifiedOld : colors.modifiedNew;
        else
            background = oldSide ? colors.removed : colors.added;
    }
    if (state.focused && side == m_focusedSide)
        gutter = mix(gutter, colors.highlight, 0.4); // the side Ctrl+C copies
    painter.fillRect(gutterRect, gutter);
    if (state.inCurrentChange)
        painter.fillRect(paneLeft, y, BarWidth, m_rowHeight, colors.highlight);

    if (line < 0) { // a gap: hatched, anchored to the content so it scrolls with it
        painter.fillRect(textRect, colors.gap);
        painter.setBrushOrigin(0, y - (firstVisibleRow() * m_rowHeight) % 8);
        painter.fillRect(textRect, QBrush(colors.hatch, Qt::BDiagPattern));
        return;
    }
    painter.fillRect(textRect, background);

    painter.setPen(state.kind == Kind::Equal ? colors.gutterText : colors.text);
    painter.drawText(gutterRect.adjusted(BarWidth, 0, -NumberRightPadding, 0),
                     Qt::AlignRight | Qt::AlignVCenter, QString::number(line + 1));

    const TextDiffDocument &doc = oldSide ? m_text->oldDoc : m_text->newDoc;
    const int scroll = horizontalScrollBar()->value();
    const qreal originX = textRect.left() + TextIndent - scroll;
    const int firstColumn = std::max(0, int((scroll - TextIndent) / m_charWidth));
    const int endColumn = int((scroll + geo.textAreaWidth) / m_charWidth) + 2;
    const LineSlice slice =
        sliceLine(withoutCarriageReturn(doc.line(line)), firstColumn, endColumn);

    painter.save();
    painter.setClipRect(textRect);
    if (ranges) {
        const QColor strong = oldSide ? colors.removedStrong : colors.addedStrong;
        for (const TextDiffInline::Range &range : *ranges) {
            const int start = slice.columnOf(range.start);
            const int end = slice.columnOf(range.start + range.length);
            if (end <= firstColumn || start >= endColumn)
                continue;
            const QRectF rect(originX + start * m_charWidth, y, (end - start) * m_charWidth,
                              m_rowHeight);
            painter.fillRect(rect, strong);
        }
    }
    painter.setPen(colors.text);
    painter.drawText(QPointF(originX + slice.firstColumn * m_charWidth, y + m_ascent), slice.text);
    painter.restore();
}

const TextDiffInline::Result *DiffTextView::inlineRanges(int row, int oldLine, int newLine)
{
    if (const TextDiffInline::Result *cached = m_inlineCache.object(row))
        return cached;
    const QString oldText = QString::fromUtf8(withoutCarriageReturn(m_text->oldDoc.line(oldLine)));
    const QString newText = QString::fromUtf8(withoutCarriageReturn(m_text->newDoc.line(newLine)));
    auto *result =
        new TextDiffInline::Result(TextDiffInline::compute(oldText, newText, m_text->whitespace));
    m_inlineCache.insert(row, result);
    return result;
}

int DiffTextView::displayColumns(QByteArrayView line)
{
    if (line.endsWith('\r'))
        line.chop(1);
    int columns = 0;
    for (const char byte : line) {
        if ((uchar(byte) & 0xC0) == 0x80) // UTF-8 continuation byte
            continue;
        columns = byte == '\t' ? (columns / TabWidth + 1) * TabWidth : columns + 1;
    }
    return columns;
}

} // namespace hookbench
