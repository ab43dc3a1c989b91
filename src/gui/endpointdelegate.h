#pragma once

#include <QStyledItemDelegate>

namespace hookbench {

// Paints an EndpointListModel row on three lines: colour chip, name and request count; where it
// is served (elided on the left: the host is the same for all); when its last request came.
class EndpointDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    static constexpr int Margin = 6;
    static constexpr int ChipSize = 12;
};

} // namespace hookbench
