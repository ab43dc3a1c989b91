#pragma once

#include <QTableView>
#include <QTimer>

class QToolButton;

namespace hookbench {

class PlaceholderWidget;

// The live event table: compact rows, follows the tail while the user is at the
// bottom; once they scroll up it stays put and a "Paused — N new" button brings
// them back. Shows a hint instead of an empty grid while nothing has arrived yet.
// A delivery's attempts open and close with a click on its attempt count, or Right/Left.
class EventTableView : public QTableView
{
    Q_OBJECT
public:
    explicit EventTableView(QWidget *parent = nullptr);

    void setModel(QAbstractItemModel *model) override;

    // The empty-state hint: a title, a sentence and an optional command to copy.
    void setPlaceholder(const QString &title, const QString &text, const QString &command = {});
    PlaceholderWidget *placeholder() const { return m_placeholder; }
    bool isFollowingTail() const { return m_followTail; }
    qint64 unseenRows() const { return m_unseen; }

    bool isEmpty() const { return m_empty; } // no rows: the hint shows instead

public Q_SLOTS:
    void followTail(); // scroll to the newest row and keep following

Q_SIGNALS:
    void emptyChanged(bool empty);

protected:
    bool viewportEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void applyColumnWidths();
    void updatePlaceholder();
    void updatePausedButton();
    bool isAtBottom() const;
    void countUnseen(int rows);
    bool expandCurrent(bool expand); // false when the current row is not a delivery

    PlaceholderWidget *m_placeholder;
    QTimer m_tailTimer; // coalesces scrolling: at most one scroll per 100 ms burst
    bool m_followTail = true;
    bool m_empty = true;
    qint64 m_unseen = 0; // rows added while not following
    QToolButton *m_pausedButton = nullptr;
};

} // namespace hookbench
