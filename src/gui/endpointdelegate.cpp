#include "endpointdelegate.h"

#include "endpointlistmodel.h"

#include <QApplication>
#include <QPainter>

namespace hookbench {

namespace {

QFont smallFont(const QFont &base)
{
    QFont font = base;
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * 0.9);
    else
        font.setPixelSize(qMax(8, font.pixelSize() * 9 / 10));
    return font;
}

QFont boldFont(const QFont &base)
{
    QFont font = base;
    font.setBold(true);
    return font;
}

} // namespace

void EndpointDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    // The style paints the row's background, selection and focus; the texts are ours.
    opt.text.clear();
    opt.icon = QIcon();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const bool selected = option.state & QStyle::State_Selected;
    const QPalette::ColorGroup group =
        option.state & QStyle::State_Active ? QPalette::Active : QPalette::Inactive;
    const QColor text =
        option.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    QColor dim = selected ? text : option.palette.color(group, QPalette::PlaceholderText);
    if (selected)
        dim.setAlphaF(0.8);

    const QRect area = option.rect.adjusted(Margin, Margin, -Margin, -Margin);
    const QFont bold = boldFont(option.font);
    const QFont small = smallFont(option.font);
    const QFontMetrics boldMetrics(bold);
    const QFontMetrics smallMetrics(small);
    const int textLeft = area.left() + ChipSize + Margin;

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QColor colour = index.data(EndpointListModel::ColourRole).value<QColor>();
    const int firstLine = boldMetrics.height();
    if (colour.isValid()) {
        const QRectF chip(area.left() + 0.5, area.top() + (firstLine - ChipSize) / 2.0 + 0.5,
                          ChipSize - 1, ChipSize - 1);
        painter->setPen(QPen(colour.darker(140), 1));
        painter->setBrush(colour);
        painter->drawRoundedRect(chip, 2.5, 2.5);
    }

    // Line 1: the name, and the count on the right.
    const QString count = QLocale().toString(index.data(EndpointListModel::CountRole).toLongLong());
    painter->setFont(small);
    const int countWidth = smallMetrics.horizontalAdvance(count);
    const QRect countRect(area.right() - countWidth, area.top(), countWidth, firstLine);
    painter->setPen(dim);
    painter->drawText(countRect, Qt::AlignRight | Qt::AlignVCenter, count);
    painter->setFont(bold);
    painter->setPen(text);
    const QRect nameRect(textLeft, area.top(), countRect.left() - Margin - textLeft, firstLine);
    painter->drawText(
        nameRect, Qt::AlignLeft | Qt::AlignVCenter,
        boldMetrics.elidedText(index.data().toString(), Qt::ElideRight, nameRect.width()));

    // Lines 2 and 3: where it is served, and its last request.
    painter->setFont(small);
    painter->setPen(dim);
    const int width = area.right() - textLeft + 1;
    QRect line(textLeft, area.top() + firstLine + 2, width, smallMetrics.height());
    // "http://" and the host are the same for every endpoint: the room goes to the port and
    // the path, which tell them apart (the tooltip has it all).
    QString location = index.data(EndpointListModel::LocationRole).toString();
    if (location.startsWith(QLatin1String("http://")))
        location = location.mid(7);
    painter->drawText(line, Qt::AlignLeft | Qt::AlignVCenter,
                      smallMetrics.elidedText(location, Qt::ElideLeft, width));
    line.translate(0, smallMetrics.height());
    painter->drawText(
        line, Qt::AlignLeft | Qt::AlignVCenter,
        smallMetrics.elidedText(index.data(EndpointListModel::LastEventTextRole).toString(),
                                Qt::ElideRight, width));
    painter->restore();
}

QSize EndpointDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    Q_UNUSED(index)
    const QFontMetrics boldMetrics(boldFont(option.font));
    const QFontMetrics smallMetrics(smallFont(option.font));
    const int height = 2 * Margin + boldMetrics.height() + 2 + 2 * smallMetrics.height();
    return {ChipSize + 3 * Margin + boldMetrics.averageCharWidth() * 16, height};
}

} // namespace hookbench
