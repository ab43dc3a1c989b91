#pragma once

#include <QWidget>

class QTableView;
class QToolButton;

namespace hookbench {

class SettingsFetchModel;

// The settings history's secondary section: a title that folds the fetch log away ("Fetch log
// · 14 fetches, 2 failed") and the table of fetches under it. Failed rows are marked by the
// model; their whole error is in the tooltip.
class SettingsFetchLog : public QWidget
{
    Q_OBJECT
public:
    // `model` is not owned.
    explicit SettingsFetchLog(SettingsFetchModel *model, QWidget *parent = nullptr);

    bool isExpanded() const { return m_expanded; }
    QTableView *view() const { return m_view; }
    QString title() const;

public Q_SLOTS:
    void setExpanded(bool expanded);

Q_SIGNALS:
    void expandedChanged(bool expanded);

private:
    void updateTitle();

    SettingsFetchModel *m_model;
    QToolButton *m_toggle;
    QTableView *m_view;
    bool m_expanded = true;
};

} // namespace hookbench
