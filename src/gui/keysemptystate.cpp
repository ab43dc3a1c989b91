#include "keysemptystate.h"

#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace hookbench {

KeysEmptyState::KeysEmptyState(QWidget *parent)
    : QWidget(parent)
    , m_generate(
          new QPushButton(QIcon::fromTheme(QStringLiteral("list-add")), tr("&Generate Key"), this))
    , m_import(new QPushButton(QIcon::fromTheme(QStringLiteral("document-import")),
                               tr("&Import Key…"), this))
{
    setObjectName(QStringLiteral("emptyState"));
    auto *title = new QLabel(tr("No keys: any request is accepted"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    title->setFont(titleFont);
    title->setAlignment(Qt::AlignCenter);
    auto *text = new QLabel(
        tr("Without a key, authentication is not required: this endpoint accepts every request, "
           "whoever sends it. Generate a key and enter it in the VWO app's webhook settings, or "
           "import the key VWO shows you. From then on, requests without the key are refused."),
        this);
    text->setObjectName(QStringLiteral("emptyText"));
    text->setWordWrap(true);
    text->setAlignment(Qt::AlignCenter);
    text->setMaximumWidth(560);

    m_generate->setObjectName(QStringLiteral("emptyGenerateButton"));
    m_generate->setDefault(true);
    m_import->setObjectName(QStringLiteral("emptyImportButton"));
    connect(m_generate, &QPushButton::clicked, this, &KeysEmptyState::generateRequested);
    connect(m_import, &QPushButton::clicked, this, &KeysEmptyState::importRequested);

    auto *textRow = new QHBoxLayout;
    textRow->addStretch();
    textRow->addWidget(text);
    textRow->addStretch();
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_generate);
    buttons->addWidget(m_import);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(12);
    layout->addStretch(2);
    layout->addWidget(title);
    layout->addLayout(textRow);
    layout->addSpacing(4);
    layout->addLayout(buttons);
    layout->addStretch(3);
}

void KeysEmptyState::setButtonsEnabled(bool enabled)
{
    m_generate->setEnabled(enabled);
    m_import->setEnabled(enabled);
}

} // namespace hookbench
