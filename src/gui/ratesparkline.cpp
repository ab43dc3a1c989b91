#include "ratesparkline.h"

#include <QEvent>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QTimer>

#include <algorithm>
#include <utility>

namespace hookbench {

RateSparkline::RateSparkline(QWidget *parent)
    : QWidget(parent)
    , m_timer(new QTimer(this))
{
    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, &RateSparkline::tick);
    m_timer->start();
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    setAccessibleName(tr("Event rate"));
    updateToolTip();
}

void RateSparkline::addEvents(int count)
{
    if (count <= 0)
        return;
    m_pending += count;
}

void RateSparkline::setTotal(qint64 total)
{
    if (m_total == total)
        return;
    m_total = total;
    updateToolTip();
}

int RateSparkline::peakRate() const
{
    return m_history.isEmpty() ? 0 : *std::max_element(m_history.cbegin(), m_history.cend());
}

QString RateSparkline::rateText() const
{
    return tr("%1/s").arg(QLocale().toString(currentRate()));
}

void RateSparkline::tick()
{
    m_history.append(std::exchange(m_pending, 0));
    if (m_history.size() > HistorySeconds)
        m_history.remove(0, m_history.size() - HistorySeconds);
    updateToolTip();
    update();
}

void RateSparkline::clear()
{
    m_history.clear();
    m_pending = 0;
    updateToolTip();
    update();
}

void RateSparkline::updateToolTip()
{
    const QLocale locale;
    setToolTip(tr("%1 events/s now, peak %2/s in the last minute, total %3")
                   .arg(locale.toString(currentRate()), locale.toString(peakRate()),
                        locale.toString(m_total)));
}

QSize RateSparkline::sizeHint() const
{
    return {120, fontMetrics().height() + 4};
}

QSize RateSparkline::minimumSizeHint() const
{
    return sizeHint();
}

void RateSparkline::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange)
        updateGeometry();
    QWidget::changeEvent(event);
}

void RateSparkline::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);

    // The text sits right, the graph fills what is left; widest text reserved so the
    // graph does not jitter as the rate changes.
    const QString text = rateText();
    const QFontMetrics metrics = fontMetrics();
    const int textWidth = std::max(metrics.horizontalAdvance(text),
                                   metrics.horizontalAdvance(QStringLiteral("9999/s")));
    const QRect textRect(width() - textWidth, 0, textWidth, height());
    const QRectF graph = QRectF(rect().adjusted(1, 2, -textWidth - 5, -2));

    const QColor line = palette().color(QPalette::Highlight);
    QColor fill = line;
    fill.setAlphaF(0.25f);
    QColor base = palette().color(QPalette::WindowText);
    base.setAlphaF(0.2f);

    // Baseline so an idle receiver still shows a (flat) graph.
    painter.setPen(QPen(base, 1));
    painter.drawLine(graph.bottomLeft(), graph.bottomRight());

    if (!m_history.isEmpty() && graph.width() > 2) {
        const int peak = std::max(1, peakRate());
        const qreal step = graph.width() / (HistorySeconds - 1);
        // Newest at the right edge; missing older seconds are simply not drawn.
        const qreal x0 = graph.right() - step * (m_history.size() - 1);
        QPolygonF points;
        points.reserve(m_history.size());
        for (int i = 0; i < m_history.size(); ++i) {
            const qreal y = graph.bottom() - graph.height() * m_history.at(i) / peak;
            points << QPointF(x0 + step * i, y);
        }
        QPainterPath area;
        area.moveTo(points.constFirst().x(), graph.bottom());
        for (const QPointF &point : std::as_const(points))
            area.lineTo(point);
        area.lineTo(points.constLast().x(), graph.bottom());
        area.closeSubpath();
        painter.fillPath(area, fill);
        painter.setPen(QPen(line, 1.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.drawPolyline(points);
    }

    painter.setPen(palette().color(QPalette::WindowText));
    painter.drawText(textRect, Qt::AlignRight | Qt::AlignVCenter, text);
}

} // namespace hookbench
