#include "inlinemessage.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

namespace hookbench {

namespace {

// Breeze's semantic colours, the ones KMessageWidget uses.
QColor accentColor(InlineMessage::Type type)
{
    switch (type) {
    case InlineMessage::Warning:
        return QColor(0xf6, 0x74, 0x00);
    case InlineMessage::Error:
        return QColor(0xda, 0x44, 0x53);
    case InlineMessage::Information:
        break;
    }
    return QColor(0x3d, 0xae, 0xe9);
}

QColor mix(const QColor &a, const QColor &b, qreal bAmount)
{
    const qreal aAmount = 1.0 - bAmount;
    return QColor::fromRgbF(float(a.redF() * aAmount + b.redF() * bAmount),
                            float(a.greenF() * aAmount + b.greenF() * bAmount),
                            float(a.blueF() * aAmount + b.blueF() * bAmount));
}

} // namespace

InlineMessage::InlineMessage(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_buttons(new QHBoxLayout)
    , m_close(new QToolButton(this))
{
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);

    m_icon->setAlignment(Qt::AlignTop | Qt::AlignHCenter);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);

    m_close->setAutoRaise(true);
    m_close->setIcon(QIcon::fromTheme(QStringLiteral("dialog-close"),
                                      style()->standardIcon(QStyle::SP_DialogCloseButton)));
    m_close->setToolTip(tr("Close message"));
    m_close->setAccessibleName(tr("Close message"));
    m_close->setVisible(false);
    connect(m_close, &QToolButton::clicked, this, [this] {
        hide();
        Q_EMIT closed();
    });

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 8, 8, 8);
    layout->setSpacing(10);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1, Qt::AlignVCenter);
    m_buttons->setSpacing(6);
    layout->addLayout(m_buttons);
    layout->addWidget(m_close, 0, Qt::AlignTop);

    updateIcon();
}

void InlineMessage::setType(Type type)
{
    if (m_type == type)
        return;
    m_type = type;
    updateIcon();
    update();
}

void InlineMessage::setText(const QString &text)
{
    m_text->setText(text);
    setAccessibleDescription(text);
}

QString InlineMessage::text() const
{
    return m_text->text();
}

void InlineMessage::setCloseButtonVisible(bool visible)
{
    m_close->setVisible(visible);
}

QPushButton *InlineMessage::addButton(const QString &text)
{
    auto *button = new QPushButton(text, this);
    m_buttons->addWidget(button, 0, Qt::AlignVCenter);
    return button;
}

void InlineMessage::clearButtons()
{
    while (QLayoutItem *item = m_buttons->takeAt(0)) {
        delete item->widget();
        delete item;
    }
}

void InlineMessage::paintEvent(QPaintEvent *event)
{
    // Tint from the palette, not a fixed colour, so it reads well in dark themes too.
    const QColor accent = accentColor(m_type);
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(accent, 1));
    painter.setBrush(mix(palette().color(QPalette::Window), accent, 0.2));
    painter.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
    QFrame::paintEvent(event);
}

void InlineMessage::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::StyleChange || event->type() == QEvent::PaletteChange)
        updateIcon();
}

void InlineMessage::updateIcon()
{
    QIcon icon;
    switch (m_type) {
    case Information:
        icon = QIcon::fromTheme(QStringLiteral("dialog-information"),
                                style()->standardIcon(QStyle::SP_MessageBoxInformation));
        break;
    case Warning:
        icon = QIcon::fromTheme(QStringLiteral("dialog-warning"),
                                style()->standardIcon(QStyle::SP_MessageBoxWarning));
        break;
    case Error:
        icon = QIcon::fromTheme(QStringLiteral("dialog-error"),
                                style()->standardIcon(QStyle::SP_MessageBoxCritical));
        break;
    }
    const int size = style()->pixelMetric(QStyle::PM_ToolBarIconSize, nullptr, this);
    m_icon->setPixmap(icon.pixmap(QSize(size, size), devicePixelRatioF()));
}

} // namespace hookbench
