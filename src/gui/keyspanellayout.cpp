// KeysPanel: how the keys page is laid out (the table, actions, secret row and audit trail).
#include "keyspanel.h"

#include "inlinemessage.h"
#include "keyauditmodel.h"
#include "keysemptystate.h"
#include "keysmodel.h"
#include "secretclipboard.h"
#include "secrets/secretstore.h"

#include <QFontDatabase>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace hookbench {

namespace {

QPushButton *button(const QString &name, const QString &icon, const QString &text, QWidget *parent)
{
    auto *button = new QPushButton(QIcon::fromTheme(icon), text, parent);
    button->setObjectName(name);
    return button;
}

QLabel *dimLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QPalette dimmed = label->palette();
    dimmed.setColor(QPalette::WindowText, dimmed.color(QPalette::PlaceholderText));
    label->setPalette(dimmed);
    return label;
}

} // namespace

void KeysPanel::createKeysPage()
{
    m_keysPage = new QWidget(this);
    m_generateButton = button(QStringLiteral("generateButton"), QStringLiteral("list-add"),
                              tr("&Generate"), m_keysPage);
    m_importButton = button(QStringLiteral("importButton"), QStringLiteral("document-import"),
                            tr("&Import…"), m_keysPage);
    m_rotateButton = button(QStringLiteral("rotateButton"), QStringLiteral("view-refresh"),
                            tr("R&otate…"), m_keysPage);
    m_revokeButton = button(QStringLiteral("revokeButton"), QStringLiteral("edit-delete"),
                            tr("&Revoke…"), m_keysPage);
    m_endGraceButton =
        button(QStringLiteral("endGraceButton"), QStringLiteral("media-skip-forward"),
               tr("&End Grace Now"), m_keysPage);
    m_rotateButton->setToolTip(tr("Replace the primary key with a new one; the old one stays "
                                  "accepted for a grace period"));
    m_revokeButton->setToolTip(tr("Refuse requests signed with the selected key from now on"));
    m_endGraceButton->setToolTip(
        tr("Refuse requests signed with the selected key now instead of when its grace ends"));
    connect(m_generateButton, &QPushButton::clicked, this, &KeysPanel::generate);
    connect(m_importButton, &QPushButton::clicked, this, &KeysPanel::importKey);
    connect(m_rotateButton, &QPushButton::clicked, this, &KeysPanel::rotate);
    connect(m_revokeButton, &QPushButton::clicked, this, &KeysPanel::revokeSelected);
    connect(m_endGraceButton, &QPushButton::clicked, this, &KeysPanel::endGraceSelected);
    m_busyLabel = dimLabel(QString(), m_keysPage);
    m_busyLabel->setObjectName(QStringLiteral("busyLabel"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_generateButton);
    buttons->addWidget(m_importButton);
    buttons->addWidget(m_rotateButton);
    buttons->addSpacing(12);
    buttons->addWidget(m_revokeButton);
    buttons->addWidget(m_endGraceButton);
    buttons->addStretch();
    buttons->addWidget(m_busyLabel);

    m_table = new QTableView(m_keysPage);
    m_table->setObjectName(QStringLiteral("keysTable"));
    m_table->setAccessibleName(tr("Keys"));
    m_table->setModel(m_keysModel);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setHighlightSections(false);
    for (int column = 0; column < KeysModel::ColumnCount; ++column) {
        m_table->horizontalHeader()->setSectionResizeMode(
            column, column == KeysModel::LabelColumn ? QHeaderView::Stretch
                                                     : QHeaderView::ResizeToContents);
    }

    auto *layout = new QVBoxLayout(m_keysPage);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(buttons);
    layout->addWidget(m_table, 1);
    layout->addWidget(createSecretRow());
}

QWidget *KeysPanel::createSecretRow()
{
    auto *row = new QWidget(m_keysPage);
    m_secretCaption = new QLabel(row);
    m_secretEdit = new QLineEdit(row);
    m_secretEdit->setObjectName(QStringLiteral("revealedSecretEdit"));
    m_secretEdit->setReadOnly(true);
    m_secretEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_secretEdit->setAccessibleName(tr("Secret of the selected key"));
    // A generated key (64 characters) fits without scrolling.
    m_secretEdit->setMinimumWidth(
        QFontMetrics(m_secretEdit->font()).horizontalAdvance(QString(64, QLatin1Char('0'))) + 16);
    m_secretCaption->setBuddy(m_secretEdit);
    m_revealButton =
        button(QStringLiteral("revealButton"), QStringLiteral("view-visible"), tr("Re&veal"), row);
    m_revealButton->setToolTip(tr("Show the key for a while; recorded in the audit trail"));
    // As wide as its countdown text, so the row does not shift when revealing.
    m_revealButton->setText(tr("&Hide (%n s)", nullptr, 30));
    m_revealButton->setMinimumWidth(m_revealButton->sizeHint().width());
    m_revealButton->setText(tr("Re&veal"));
    m_copyButton =
        button(QStringLiteral("copyButton"), QStringLiteral("edit-copy"), tr("&Copy"), row);
    m_copyButton->setToolTip(tr("Copy the key to the clipboard, which is cleared again after "
                                "30 s; recorded in the audit trail"));
    connect(m_revealButton, &QPushButton::clicked, this, [this] {
        if (m_revealedId.isEmpty())
            revealSelected();
        else
            hideSecret();
    });
    connect(m_copyButton, &QPushButton::clicked, this, &KeysPanel::copySelected);

    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_secretCaption);
    layout->addWidget(m_secretEdit, 1);
    layout->addWidget(m_revealButton);
    layout->addWidget(m_copyButton);
    return row;
}

} // namespace hookbench
