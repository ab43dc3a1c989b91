#pragma once

#include <QTableView>
#include <QTimer>

namespace hookbench {

class PlaceholderWidget;

// The live table of recent events: compact rows, follows the tail while the user
// is at the bottom (and stays put once they scroll up), and shows a hint instead
// of an empty grid while nothing has arrived yet.
class EventTableView : public QTableView
{
    Q_OBJECT
public:
    explicit EventTableView(QWidget *parent = nullptr);

    void setModel(QAbstractItemModel *model) override;

    // The empty-state hint: a title, a sentence and an optional command to copy.
    void setPlaceholder(const QString &title, const QString &text, const QString &command = {});
    PlaceholderWidget *placeholder() const { return m_placeholder; }

protected:
    bool viewportEvent(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void applyColumnWidths();
    void updatePlaceholder();
    bool isAtBottom() const;

    PlaceholderWidget *m_placeholder;
    QTimer m_tailTimer; // coalesces scrolling: at most one scroll per 100 ms burst
    bool m_followTail = true;
};

} // namespace hookbench
