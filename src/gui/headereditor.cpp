#include "headereditor.h"

#include "eventdetailview.h"

#include <QAction>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QLineEdit>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QTableWidget>
#include <QVBoxLayout>

namespace hookbench {

namespace {

constexpr int ValueRole = Qt::UserRole + 1;        // the value's text; the cell may show a mask
constexpr int MaskedRole = Qt::UserRole + 2;       // the cell shows a mask
constexpr int RawRole = Qt::UserRole + 3;          // the bytes the row was filled with
constexpr int OriginalTextRole = Qt::UserRole + 4; // those bytes as the text first shown

// Edits the real value, not the mask; a masked value is edited without showing it.
class ValueDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &,
                          const QModelIndex &index) const override
    {
        auto *editor = new QLineEdit(parent);
        editor->setFrame(false);
        if (index.data(MaskedRole).toBool())
            editor->setEchoMode(QLineEdit::Password);
        return editor;
    }
    void setEditorData(QWidget *editor, const QModelIndex &index) const override
    {
        static_cast<QLineEdit *>(editor)->setText(index.data(ValueRole).toString());
    }
    void setModelData(QWidget *editor, QAbstractItemModel *model,
                      const QModelIndex &index) const override
    {
        model->setData(index, static_cast<QLineEdit *>(editor)->text(), ValueRole);
    }
};

QTableWidgetItem *rawItem(const QByteArray &bytes)
{
    auto *item = new QTableWidgetItem;
    item->setData(RawRole, bytes);
    item->setData(OriginalTextRole, QString::fromUtf8(bytes));
    return item;
}

// The original bytes while the text is unchanged (exact round trip), else the text as UTF-8.
QByteArray bytesOf(const QTableWidgetItem *item, const QString &text)
{
    if (text == item->data(OriginalTextRole).toString())
        return item->data(RawRole).toByteArray();
    return text.toUtf8();
}

} // namespace

HeaderEditor::HeaderEditor(QWidget *parent)
    : QWidget(parent)
    , m_table(new QTableWidget(0, 2, this))
    , m_add(new QPushButton(QIcon::fromTheme(QStringLiteral("list-add")), tr("&Add"), this))
    , m_remove(
          new QPushButton(QIcon::fromTheme(QStringLiteral("list-remove")), tr("Re&move"), this))
    , m_reveal(new QCheckBox(tr("Re&veal secrets"), this))
{
    m_table->setObjectName(QStringLiteral("headersTable"));
    m_table->setAccessibleName(tr("Request headers"));
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Value")});
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(false);
    m_table->setTabKeyNavigation(false);
    m_table->setItemDelegateForColumn(1, new ValueDelegate(m_table));

    auto *removeAction = new QAction(tr("Remove Header"), m_table);
    removeAction->setShortcut(QKeySequence::Delete);
    removeAction->setShortcutContext(Qt::WidgetShortcut);
    connect(removeAction, &QAction::triggered, this, &HeaderEditor::removeSelectedRows);
    m_table->addAction(removeAction);

    m_add->setObjectName(QStringLiteral("addHeader"));
    m_add->setToolTip(tr("Add a header"));
    m_add->setAutoDefault(false);
    m_remove->setObjectName(QStringLiteral("removeHeader"));
    m_remove->setToolTip(tr("Remove the selected headers (Delete)"));
    m_remove->setAutoDefault(false);
    m_reveal->setObjectName(QStringLiteral("revealSecrets"));
    m_reveal->setToolTip(tr("Show the x-vwo-auth key instead of a mask"));

    connect(m_add, &QPushButton::clicked, this, &HeaderEditor::addRow);
    connect(m_remove, &QPushButton::clicked, this, &HeaderEditor::removeSelectedRows);
    connect(m_reveal, &QCheckBox::toggled, this, &HeaderEditor::setSecretsRevealed);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &HeaderEditor::updateButtons);
    connect(m_table, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        if (m_updating)
            return;
        refreshRow(item->row()); // a renamed row may become (or stop being) secret
        Q_EMIT changed();
    });

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    buttons->addWidget(m_reveal);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    updateButtons();
}

bool HeaderEditor::isSecretHeader(QByteArrayView name)
{
    return name.compare("x-vwo-auth", Qt::CaseInsensitive) == 0;
}

void HeaderEditor::setHeaders(const HeaderList &headers)
{
    m_updating = true;
    m_table->setRowCount(0);
    m_updating = false;
    for (const auto &[name, value] : headers)
        appendRow(name, value);
    m_table->resizeColumnToContents(0);
    updateButtons();
    Q_EMIT changed();
}

HeaderList HeaderEditor::headers() const
{
    HeaderList list;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QTableWidgetItem *name = m_table->item(row, 0);
        const QTableWidgetItem *value = m_table->item(row, 1);
        list.append(
            {bytesOf(name, name->text()), bytesOf(value, value->data(ValueRole).toString())});
    }
    return list;
}

void HeaderEditor::setSecretsRevealed(bool revealed)
{
    if (m_revealed == revealed)
        return;
    m_revealed = revealed;
    {
        const QSignalBlocker blocker(m_reveal);
        m_reveal->setChecked(revealed);
    }
    for (int row = 0; row < m_table->rowCount(); ++row)
        refreshRow(row);
}

void HeaderEditor::addRow()
{
    appendRow({}, {});
    const int row = m_table->rowCount() - 1;
    m_table->setCurrentCell(row, 0);
    m_table->editItem(m_table->item(row, 0));
    Q_EMIT changed();
}

void HeaderEditor::removeSelectedRows()
{
    QList<int> rows;
    const QModelIndexList selected = m_table->selectionModel()->selectedRows();
    for (const QModelIndex &index : selected)
        rows.append(index.row());
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end(), std::greater<>());
    for (int row : std::as_const(rows))
        m_table->removeRow(row);
    updateButtons();
    Q_EMIT changed();
}

void HeaderEditor::appendRow(const QByteArray &name, const QByteArray &value)
{
    m_updating = true;
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    QTableWidgetItem *nameItem = rawItem(name);
    nameItem->setText(QString::fromUtf8(name));
    QTableWidgetItem *valueItem = rawItem(value);
    valueItem->setData(ValueRole, QString::fromUtf8(value));
    m_table->setItem(row, 0, nameItem);
    m_table->setItem(row, 1, valueItem);
    m_updating = false;
    refreshRow(row);
}

void HeaderEditor::refreshRow(int row)
{
    QTableWidgetItem *name = m_table->item(row, 0);
    QTableWidgetItem *value = m_table->item(row, 1);
    if (!name || !value)
        return;
    const QString text = value->data(ValueRole).toString();
    const bool masked = !m_revealed && !text.isEmpty() && isSecretHeader(name->text().toUtf8());
    m_updating = true;
    value->setData(MaskedRole, masked);
    value->setText(masked ? EventDetailView::maskedValue() : text);
    value->setToolTip(masked ? tr("Hidden: check \"Reveal secrets\" to show it. You can still "
                                  "edit it.")
                             : QString());
    m_updating = false;
}

void HeaderEditor::updateButtons()
{
    m_remove->setEnabled(m_table->selectionModel()->hasSelection());
}

} // namespace hookbench
