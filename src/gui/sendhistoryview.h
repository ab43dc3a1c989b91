#pragma once

#include "sender/outgoingrequest.h"
#include "sender/sendhistory.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace hookbench {

// Past sends and audits, newest first: selecting one shows its request and outcome, and
// "Load into Form" puts its request back in the form (without the key, which was not kept).
// Runs of `hookbench-cli send` on the same database show here too; Delete and Clear remove them.
class SendHistoryView : public QWidget
{
    Q_OBJECT
public:
    static constexpr int ShownRecords = 500;

    explicit SendHistoryView(QWidget *parent = nullptr);

    // `store` is not owned; null or closed: the history is unavailable (`why` tells).
    void setStore(SendHistoryStore *store, const QString &why = {});
    void reload();
    QTableWidget *table() const { return m_table; }
    QString detailText() const;

Q_SIGNALS:
    void loadRequested(const hookbench::OutgoingRequest &request);

private:
    void showSelected();
    void deleteSelected();
    void clearAll(); // asks first
    void showStoreError(const QString &error);

    SendHistoryStore *m_store = nullptr;
    QList<SendRecord> m_records;
    QLabel *m_state;
    QTableWidget *m_table;
    QPlainTextEdit *m_detail;
    QPushButton *m_load;
    QPushButton *m_delete;
    QPushButton *m_clear;
};

} // namespace hookbench
