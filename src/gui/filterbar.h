#pragma once

#include "events/eventfilter.h"

#include <QStringList>
#include <QWidget>

class QLabel;
class QMenu;
class QTimer;
class QToolButton;

namespace hookbench {

class FilterLineEdit;

// The event filter bar: a line edit for the filter language (see EventFilter) that
// validates on every keystroke, tints itself empty / valid / invalid and explains errors
// inline with the offending span underlined; recent filters; syntax help; a match count.
//
// Applying: Enter applies a valid filter (and records it in the recent filters); Enter
// on an invalid one moves the cursor to the error instead. A valid filter also applies
// on its own after a typing pause (liveApplyDelay(), 300 ms; 0 turns it off), without
// being recorded, so half-typed filters don't flood the history. Esc clears and applies
// the empty filter. filterApplied() is never emitted for an invalid filter.
class FilterBar : public QWidget
{
    Q_OBJECT
public:
    enum class State { Empty, Valid, Invalid };
    Q_ENUM(State)

    explicit FilterBar(QWidget *parent = nullptr);

    State state() const { return m_state; }
    QString text() const;
    void setText(const QString &text);                       // validates, does not apply
    const EventFilter &filter() const { return m_filter; }   // what is typed
    const EventFilter &applied() const { return m_applied; } // what was last applied
    QString errorText() const;                               // empty unless Invalid
    QStringList recentFilters() const { return m_recent; }

    int liveApplyDelay() const;
    void setLiveApplyDelay(int milliseconds);

    FilterLineEdit *lineEdit() const { return m_edit; }

public Q_SLOTS:
    void focusFilter(); // for the window's Ctrl+F: focus and select all
    void apply();       // as Enter
    void clear();       // as Esc
    // "1,234 matches" when final, else "counting… 1,234 (40%)" with a stop button.
    void setMatchCount(qint64 matched, bool final, int percentScanned = -1);
    // The count was stopped: "1,234+ matches in the newest 40%".
    void setPartialMatchCount(qint64 matched, int percentScanned);
    void clearMatchCount();

Q_SIGNALS:
    void filterApplied(const hookbench::EventFilter &filter);
    void stateChanged(hookbench::FilterBar::State state);
    void cancelCountRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void validate();
    void applyFilter(const EventFilter &filter, bool remember);
    void applyText(const QString &text); // from the recent or example menus
    void rebuildRecentMenu();
    void showRecentMenu();
    QMenu *createHelpMenu();
    void retranslate();

    FilterLineEdit *m_edit;
    QToolButton *m_helpButton;
    QToolButton *m_recentButton;
    QMenu *m_recentMenu;
    QLabel *m_countLabel;
    QToolButton *m_cancelButton;
    QWidget *m_errorRow;
    QLabel *m_errorIcon;
    QLabel *m_errorLabel;
    QTimer *m_liveTimer;

    State m_state = State::Empty;
    EventFilter m_filter;
    EventFilter m_applied;
    QStringList m_recent;
};

} // namespace hookbench
