#include "placeholderwidget.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QFrame>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace hookbench {

namespace {

QLabel *centredLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    return label;
}

// Centres a widget horizontally at its natural width.
QHBoxLayout *centred(QWidget *widget)
{
    auto *row = new QHBoxLayout;
    row->addStretch();
    row->addWidget(widget);
    row->addStretch();
    return row;
}

} // namespace

PlaceholderWidget::PlaceholderWidget(QWidget *parent)
    : QWidget(parent)
    , m_title(centredLabel(this))
    , m_text(centredLabel(this))
    , m_codeBlock(new QFrame(this))
    , m_command(new QLabel(m_codeBlock))
    , m_copy(new QPushButton(this))
    , m_action(new QPushButton(this))
    , m_note(new QLabel(this))
{
    setObjectName(QStringLiteral("placeholder"));

    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    m_title->setFont(titleFont);
    // Dimmed like placeholder text: this is a hint, not content.
    QPalette dimmed = palette();
    dimmed.setColor(QPalette::WindowText, dimmed.color(QPalette::PlaceholderText));
    m_title->setPalette(dimmed);
    m_text->setPalette(dimmed);

    m_codeBlock->setFrameShape(QFrame::StyledPanel);
    m_codeBlock->setBackgroundRole(QPalette::AlternateBase);
    m_codeBlock->setAutoFillBackground(true);
    m_command->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_command->setTextFormat(Qt::PlainText);
    m_command->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_command->setCursor(Qt::IBeamCursor);
    auto *codeLayout = new QVBoxLayout(m_codeBlock);
    codeLayout->setContentsMargins(12, 10, 12, 10);
    codeLayout->addWidget(m_command);

    m_copy->setText(tr("Copy Command"));
    m_copy->setIcon(QIcon::fromTheme(QStringLiteral("edit-copy")));
    connect(m_copy, &QPushButton::clicked, this, &PlaceholderWidget::copyCommand);

    m_action->setObjectName(QStringLiteral("placeholderAction"));
    m_action->setDefault(true);
    m_action->hide();
    connect(m_action, &QPushButton::clicked, this, &PlaceholderWidget::actionTriggered);
    m_note->setObjectName(QStringLiteral("placeholderNote"));
    m_note->setWordWrap(true);
    m_note->setTextFormat(Qt::RichText);
    m_note->setOpenExternalLinks(true);
    m_note->setTextInteractionFlags(Qt::TextBrowserInteraction);
    // Wrapped at a readable measure: at its size hint a wrapped label is a narrow column.
    m_note->setMinimumWidth(fontMetrics().averageCharWidth() * 60);
    m_note->setMaximumWidth(fontMetrics().averageCharWidth() * 90);
    m_note->setPalette(dimmed);
    m_note->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 24, 24, 24);
    layout->setSpacing(12);
    layout->addStretch(2);
    layout->addWidget(m_title);
    layout->addWidget(m_text);
    layout->addSpacing(4);
    layout->addLayout(centred(m_codeBlock));
    layout->addLayout(centred(m_copy));
    layout->addSpacing(4);
    layout->addLayout(centred(m_action));
    layout->addSpacing(8);
    layout->addLayout(centred(m_note));
    layout->addStretch(3);
}

void PlaceholderWidget::setContent(const QString &title, const QString &text,
                                   const QString &command)
{
    m_title->setText(title);
    m_text->setText(text);
    m_text->setVisible(!text.isEmpty());
    m_command->setText(command);
    m_codeBlock->setVisible(!command.isEmpty());
    m_copy->setVisible(!command.isEmpty());
}

void PlaceholderWidget::setAction(const QString &text)
{
    m_action->setText(text);
    m_action->setVisible(!text.isEmpty());
}

void PlaceholderWidget::setNote(const QString &richText)
{
    m_note->setText(richText);
    m_note->setVisible(!richText.isEmpty());
}

QString PlaceholderWidget::actionText() const
{
    return m_action->isVisible() || !m_action->text().isEmpty() ? m_action->text() : QString();
}

QString PlaceholderWidget::note() const
{
    return m_note->text();
}

QString PlaceholderWidget::title() const
{
    return m_title->text();
}

QString PlaceholderWidget::text() const
{
    return m_text->text();
}

QString PlaceholderWidget::command() const
{
    return m_command->text();
}

void PlaceholderWidget::copyCommand()
{
    QApplication::clipboard()->setText(m_command->text());
    // Brief feedback in place, where the user is looking.
    m_copy->setText(tr("Copied"));
    QTimer::singleShot(2000, m_copy, [this] { m_copy->setText(tr("Copy Command")); });
}

} // namespace hookbench
