#include "endpointchip.h"

#include <QPainter>
#include <QPixmap>

namespace hookbench {

QIcon endpointChip(const QColor &colour)
{
    QIcon icon;
    for (const int size : {16, 32}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        const qreal rim = size / 16.0;
        const qreal inset = size * 0.2;
        const QRectF square(inset, inset, size - 2 * inset, size - 2 * inset);
        painter.setPen(QPen(colour.darker(140), rim));
        painter.setBrush(colour);
        painter.drawRoundedRect(square.adjusted(rim / 2, rim / 2, -rim / 2, -rim / 2), size * 0.12,
                                size * 0.12);
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

} // namespace hookbench
