#include "eventlogdisplay.h"

#include "badgeicon.h"
#include "statuscolours.h"

#include <QColor>
#include <QLocale>
#include <QPalette>

namespace hookbench {

namespace {

QString authText(AuthOutcome outcome)
{
    switch (outcome) {
    case AuthOutcome::Ok:
        return EventLogDisplay::tr("OK", "authentication outcome");
    case AuthOutcome::Failed:
        return EventLogDisplay::tr("Failed", "authentication outcome");
    case AuthOutcome::Missing:
        return EventLogDisplay::tr("Missing", "authentication outcome: no x-vwo-auth header");
    case AuthOutcome::NotRequired:
        break;
    }
    return EventLogDisplay::tr("Not required", "authentication outcome");
}

QString remoteText(const Event &event)
{
    if (event.remotePort == 0)
        return event.remoteAddress;
    // IPv6 addresses need brackets before a port, as in URLs.
    if (event.remoteAddress.contains(QLatin1Char(':')))
        return QLatin1Char('[') + event.remoteAddress + QStringLiteral("]:") +
               QString::number(event.remotePort);
    return event.remoteAddress + QLatin1Char(':') + QString::number(event.remotePort);
}

QString pathText(const Event &event)
{
    QString text = QString::fromUtf8(event.path);
    if (!event.query.isEmpty())
        text += QLatin1Char('?') + QString::fromUtf8(event.query);
    return text;
}

QString settingsText(SettingsFetchState state)
{
    switch (state) {
    case SettingsFetchState::None:
        return EventLogDisplay::tr("Not fetched", "settings column: no settings-file fetch "
                                                  "followed the webhook");
    case SettingsFetchState::Pending:
        return EventLogDisplay::tr("Fetching\u2026", "settings column: the settings file is being "
                                                     "fetched for the webhook");
    case SettingsFetchState::Fetched:
        return EventLogDisplay::tr("Fetched", "settings column: a settings-file fetch after the "
                                              "webhook succeeded");
    case SettingsFetchState::Failed:
        return EventLogDisplay::tr("Failed", "settings column: every settings-file fetch after "
                                             "the webhook failed");
    case SettingsFetchState::NotApplicable:
        break;
    }
    return {};
}

QString settingsToolTip(SettingsFetchState state)
{
    switch (state) {
    case SettingsFetchState::None:
        return EventLogDisplay::tr(
            "No settings-file fetch was recorded for this webhook: no account was set up, "
            "automatic fetching was off, or Hookbench stopped before fetching");
    case SettingsFetchState::Pending:
        return EventLogDisplay::tr("The settings file is being fetched for this webhook");
    case SettingsFetchState::Fetched:
        return EventLogDisplay::tr(
            "The settings file was fetched after this webhook; select it to see the version");
    case SettingsFetchState::Failed:
        return EventLogDisplay::tr(
            "Fetching the settings file after this webhook failed; select it to see why");
    case SettingsFetchState::NotApplicable:
        break;
    }
    return EventLogDisplay::tr("Only valid, authenticated webhooks lead to a settings-file fetch");
}

int settingsRank(SettingsFetchState state)
{
    switch (state) {
    case SettingsFetchState::Fetched:
        return 4;
    case SettingsFetchState::Pending:
        return 3;
    case SettingsFetchState::Failed:
        return 2;
    case SettingsFetchState::None:
        return 1;
    case SettingsFetchState::NotApplicable:
        break;
    }
    return 0;
}

QColor red(const QPalette &palette)
{
    return failureTextColour(palette);
}

QColor orange(const QPalette &palette)
{
    return warningTextColour(palette);
}

} // namespace

EventLogDisplay::Outcome EventLogDisplay::outcome(const Event &event)
{
    if (event.status == 0)
        return Outcome::NoAnswer;
    if (event.status == 404 || event.status == 405)
        return Outcome::NotFound; // not a webhook for us: worth a look, not an alarm
    if (event.status >= 400 || !event.valid || event.auth == AuthOutcome::Failed ||
        event.auth == AuthOutcome::Missing)
        return Outcome::Refused;
    return Outcome::Accepted;
}

QVariant EventLogDisplay::display(const Event &event, int column)
{
    switch (column) {
    case TimeColumn: {
        const QString time =
            event.receivedAt.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz"));
        return event.starred ? QStringLiteral("\u2605 ") + time : time;
    }
    case EndpointColumn:
        return event.endpoint;
    case MethodColumn:
        return QString::fromLatin1(event.method);
    case PathColumn:
        // A request the gate could not parse has no method or path to show: say so.
        return event.method.isEmpty() && event.path.isEmpty() ? tr("(malformed request)")
                                                              : pathText(event);
    case StatusColumn:
        // 0: the request got no answer (e.g. the client went away first).
        return event.status > 0 ? QVariant(event.status) : QVariant(QString());
    case AuthColumn:
        return authText(event.auth);
    case ValidColumn:
        return event.valid ? tr("Yes") : tr("No");
    case SettingsColumn:
        return settingsText(event.settingsFetch);
    case SizeColumn:
        return QLocale().formattedDataSize(event.size, 1);
    case RemoteColumn:
        return remoteText(event);
    case HandlingColumn:
        return tr("%1 ms", "handling time")
            .arg(QLocale().toString(event.handlingMicros / 1000.0, 'f', 2));
    }
    return {};
}

QVariant EventLogDisplay::toolTip(const Event &event, int column)
{
    // Why a request was refused matters more than anything else in its row.
    if (!event.valid && !event.error.isEmpty())
        return event.error;
    switch (column) {
    case TimeColumn: {
        const QString time =
            QLocale().toString(event.receivedAt.toLocalTime(), QLocale::LongFormat);
        return event.starred ? tr("%1 (starred)").arg(time) : time;
    }
    case EndpointColumn:
        return tr("Received by endpoint %1").arg(event.endpoint);
    case PathColumn:
        return pathText(event);
    case AuthColumn:
        if (event.auth == AuthOutcome::Ok && !event.keyId.isEmpty())
            return tr("Matched key %1").arg(event.keyId);
        if (event.auth == AuthOutcome::NotRequired)
            return tr("No keys configured, so x-vwo-auth was not checked");
        break;
    case SettingsColumn:
        return settingsToolTip(event.settingsFetch);
    case HandlingColumn:
        return tr("From the complete request to the answer being queued");
    }
    return {};
}

QVariant EventLogDisplay::alignment(int column)
{
    // Three-digit codes read best centred; numbers line up on their last digit.
    if (column == StatusColumn || column == AttemptsColumn)
        return int(Qt::AlignCenter);
    const bool number = column == SizeColumn || column == HandlingColumn;
    return int((number ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
}

QVariant EventLogDisplay::header(int column)
{
    switch (column) {
    case TimeColumn:
        return tr("Time");
    case EndpointColumn:
        return tr("Endpoint", "column: the endpoint (VWO environment) the request came to");
    case MethodColumn:
        return tr("Method");
    case PathColumn:
        return tr("Path");
    case StatusColumn:
        return tr("Status");
    case AttemptsColumn:
        return tr("Attempts", "column: how many times VWO sent this webhook");
    case AuthColumn:
        return tr("Auth", "column: outcome of the x-vwo-auth check");
    case ValidColumn:
        return tr("Valid", "column: payload is a valid VWO webhook");
    case SettingsColumn:
        return tr("Settings", "column: the settings-file fetch the webhook led to");
    case SizeColumn:
        return tr("Size");
    case RemoteColumn:
        return tr("Remote", "column: address and port of the sender");
    case HandlingColumn:
        return tr("Handling", "column: time taken to answer the request");
    }
    return {};
}

QVariant EventLogDisplay::foreground(const Event &event, int column, const QPalette &palette)
{
    // Only the cells that tell why a request was turned away stand out when scanning.
    switch (column) {
    case StatusColumn:
        if (event.status == 404 || event.status == 405)
            return orange(palette);
        if (event.status >= 400)
            return red(palette);
        if (event.status == 0)
            return dimForeground(palette);
        break;
    case AuthColumn:
        if (event.auth == AuthOutcome::Failed || event.auth == AuthOutcome::Missing)
            return red(palette);
        break;
    case ValidColumn:
        if (!event.valid)
            return red(palette);
        break;
    case SettingsColumn:
        // A webhook that led to no successful fetch is the one to look at.
        if (event.settingsFetch == SettingsFetchState::Failed)
            return red(palette);
        if (event.settingsFetch == SettingsFetchState::None)
            return orange(palette);
        if (event.settingsFetch == SettingsFetchState::Pending)
            return dimForeground(palette);
        break;
    }
    return {};
}

QVariant EventLogDisplay::dimForeground(const QPalette &palette)
{
    return palette.color(QPalette::PlaceholderText);
}

QStringList EventLogDisplay::columnKeys()
{
    const QStringList keys{
        QStringLiteral("time"), QStringLiteral("endpoint"), QStringLiteral("method"),
        QStringLiteral("path"), QStringLiteral("status"),   QStringLiteral("attempts"),
        QStringLiteral("auth"), QStringLiteral("valid"),    QStringLiteral("settings"),
        QStringLiteral("size"), QStringLiteral("remote"),   QStringLiteral("handling")};
    Q_ASSERT(keys.size() == ColumnCount);
    return keys;
}

SettingsFetchState EventLogDisplay::combined(SettingsFetchState a, SettingsFetchState b)
{
    return settingsRank(b) > settingsRank(a) ? b : a;
}

QString EventLogDisplay::deliveryText(int attempts, bool expanded)
{
    if (attempts < 2)
        return {};
    return (expanded ? QStringLiteral("\u25be ") : QStringLiteral("\u25b8 ")) +
           QLocale().toString(attempts);
}

QString EventLogDisplay::attemptText(int number)
{
    return QStringLiteral("#") + QLocale().toString(number);
}

QString EventLogDisplay::deliveryToolTip(int attempts, const Event &finalAttempt, bool expanded)
{
    const QString outcome =
        finalAttempt.status == 200
            ? tr("VWO sent this webhook %n times; the last attempt was accepted.", nullptr,
                 attempts)
            : tr("VWO sent this webhook %n times; none was accepted yet (VWO "
                 "retries for an hour).",
                 nullptr, attempts);
    return outcome + QLatin1Char('\n') +
           (expanded ? tr("Click to hide the attempts.") : tr("Click to list the attempts."));
}

QString EventLogDisplay::deletedText()
{
    return tr("(deleted)", "event removed from the store by retention since the list was loaded");
}

QIcon EventLogDisplay::Icons::icon(Outcome outcome) const
{
    QIcon &icon = m_icons[size_t(outcome)];
    if (!icon.isNull())
        return icon;
    // Green, red, orange and grey of similar lightness: visible on light and dark rows alike.
    switch (outcome) {
    case Outcome::Accepted:
        icon = QIcon::fromTheme(QStringLiteral("hookbench-outcome-accepted"),
                                badgeIcon(QColor(0x3d, 0xae, 0x5b), BadgeShape::Filled));
        break;
    case Outcome::Refused:
        icon = QIcon::fromTheme(QStringLiteral("hookbench-outcome-refused"),
                                badgeIcon(QColor(0xe0, 0x45, 0x52), BadgeShape::Filled));
        break;
    case Outcome::NotFound:
        icon = QIcon::fromTheme(QStringLiteral("hookbench-outcome-not-found"),
                                badgeIcon(QColor(0xf0, 0x8c, 0x1e), BadgeShape::Filled));
        break;
    case Outcome::NoAnswer:
    case Outcome::Count:
        icon = QIcon::fromTheme(QStringLiteral("hookbench-outcome-no-answer"),
                                badgeIcon(QColor(0x9a, 0x9d, 0xa1), BadgeShape::Filled));
        break;
    }
    return icon;
}

QIcon EventLogDisplay::Icons::settingsIcon(SettingsFetchState state) const
{
    // The outcome icons' orange and red; a ring for "nothing happened", a bar for "failed".
    if (state == SettingsFetchState::None) {
        if (m_notFetched.isNull())
            m_notFetched = QIcon::fromTheme(QStringLiteral("hookbench-settings-not-fetched"),
                                            badgeIcon(QColor(0xf0, 0x8c, 0x1e), BadgeShape::Ring));
        return m_notFetched;
    }
    if (state == SettingsFetchState::Failed) {
        if (m_fetchFailed.isNull())
            m_fetchFailed =
                QIcon::fromTheme(QStringLiteral("hookbench-settings-failed"),
                                 badgeIcon(QColor(0xe0, 0x45, 0x52), BadgeShape::FilledWithBar));
        return m_fetchFailed;
    }
    return {};
}

} // namespace hookbench
