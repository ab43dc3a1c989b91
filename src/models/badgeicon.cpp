#include "badgeicon.h"

#include <QImage>
#include <QPainter>
#include <QPixmap>

namespace hookbench {

QIcon badgeIcon(const QColor &colour, BadgeShape shape)
{
    QIcon icon;
    for (const int size : {16, 32}) {
        QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        const qreal margin = size * 0.2;
        const QRectF circle(margin, margin, size - 2 * margin, size - 2 * margin);
        if (shape == BadgeShape::Ring) {
            // Inset by half its pen, so the ring's outer edge meets the dot's circle.
            painter.setPen(QPen(colour, size / 8.0));
            painter.setBrush(Qt::NoBrush);
            painter.drawEllipse(
                circle.adjusted(size / 16.0, size / 16.0, -size / 16.0, -size / 16.0));
        } else {
            painter.setPen(QPen(colour.darker(140), size / 16.0));
            painter.setBrush(colour);
            painter.drawEllipse(circle);
        }
        if (shape == BadgeShape::FilledWithBar) {
            const qreal bar = circle.height() / 6;
            painter.fillRect(QRectF(circle.left() + circle.width() * 0.22,
                                    circle.center().y() - bar, circle.width() * 0.56, 2 * bar),
                             Qt::white);
        }
        painter.end();
        icon.addPixmap(QPixmap::fromImage(image));
    }
    return icon;
}

} // namespace hookbench
