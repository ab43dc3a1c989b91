#pragma once

#include "events/event.h"

#include <QCoreApplication>
#include <QIcon>
#include <QStringList>
#include <QVariant>

#include <array>

class QPalette;

namespace hookbench {

// How an event reads in a table: the columns, texts, tooltips, colours and outcome icons of the
// event log. Kept apart from the models so every event table shows an event the same way.
class EventLogDisplay
{
    Q_DECLARE_TR_FUNCTIONS(EventLogDisplay)
public:
    enum Column {
        TimeColumn,
        EndpointColumn, // the endpoint (VWO environment) it came to; the model adds its colour
        MethodColumn,
        PathColumn,
        StatusColumn,
        AttemptsColumn, // a delivery's attempt count; the model fills it in
        AuthColumn,
        ValidColumn,
        SettingsColumn, // the settings-file fetch the webhook led to (Event::settingsFetch)
        SizeColumn,
        RemoteColumn,
        HandlingColumn,
        ColumnCount
    };
    // The whole row's verdict, shown as an icon in the first column.
    enum class Outcome { Accepted, Refused, NotFound, NoAnswer, Count };

    static Outcome outcome(const Event &event);
    static QVariant display(const Event &event, int column);
    static QVariant toolTip(const Event &event, int column);
    static QVariant alignment(int column);
    static QVariant header(int column);
    // A colour for the cells that explain a refusal; invalid (default text) otherwise.
    static QVariant foreground(const Event &event, int column, const QPalette &palette);
    // Dim text for placeholders and deleted rows: the palette's own, so it follows the theme.
    static QVariant dimForeground(const QPalette &palette);

    // The attempts column: "▸ 3" for a delivery (▾ when expanded), "#2" for one of its attempts.
    static QString deliveryText(int attempts, bool expanded);
    static QString attemptText(int number);
    static QString deliveryToolTip(int attempts, const Event &finalAttempt, bool expanded);

    // Stable names of the columns, in order, for saved layouts (not shown, not translated).
    static QStringList columnKeys();
    // A delivery's state from its attempts': a success anywhere wins, then a fetch under way.
    static SettingsFetchState combined(SettingsFetchState a, SettingsFetchState b);

    static QString placeholderText() { return QStringLiteral("\u2026"); }
    static QString deletedText();

    // One icon per outcome. Built on first use (needs a QGuiApplication); a theme may override
    // them with the names hookbench-outcome-{accepted,refused,not-found,no-answer}.
    class Icons
    {
    public:
        QIcon icon(Outcome outcome) const;
        // A badge for the settings states worth a look (none, failed), or the theme's
        // hookbench-settings-{not-fetched,failed}; null for the others.
        QIcon settingsIcon(SettingsFetchState state) const;

    private:
        mutable std::array<QIcon, size_t(Outcome::Count)> m_icons;
        mutable QIcon m_notFetched;
        mutable QIcon m_fetchFailed;
    };
};

} // namespace hookbench
