#include "settingsversion.h"

#include <QRegularExpression>
#include <QUrl>

namespace hookbench {

QString fetchTriggerName(FetchTrigger trigger)
{
    switch (trigger) {
    case FetchTrigger::Webhook:
        return QStringLiteral("webhook");
    case FetchTrigger::Manual:
        return QStringLiteral("manual");
    case FetchTrigger::File:
        return QStringLiteral("file");
    }
    return {};
}

FetchTrigger fetchTriggerFromName(const QString &name, bool *ok)
{
    for (FetchTrigger trigger : {FetchTrigger::Webhook, FetchTrigger::Manual, FetchTrigger::File}) {
        if (fetchTriggerName(trigger) == name) {
            if (ok)
                *ok = true;
            return trigger;
        }
    }
    if (ok)
        *ok = false;
    return FetchTrigger::Manual;
}

QString fetchOutcomeName(FetchOutcome outcome)
{
    switch (outcome) {
    case FetchOutcome::New:
        return QStringLiteral("new");
    case FetchOutcome::Unchanged:
        return QStringLiteral("unchanged");
    case FetchOutcome::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

FetchOutcome fetchOutcomeFromName(const QString &name, bool *ok)
{
    for (FetchOutcome outcome :
         {FetchOutcome::New, FetchOutcome::Unchanged, FetchOutcome::Failed}) {
        if (fetchOutcomeName(outcome) == name) {
            if (ok)
                *ok = true;
            return outcome;
        }
    }
    if (ok)
        *ok = false;
    return FetchOutcome::Failed;
}

bool holdsUnredactedSdkKey(const QString &text)
{
    // Anywhere in the text, not only in a URL's query: error messages quote URLs mid-sentence.
    static const QRegularExpression parameter(QStringLiteral("[?&]i=([^&#\\s\"'<>]*)"),
                                              QRegularExpression::CaseInsensitiveOption);
    for (auto it = parameter.globalMatch(text); it.hasNext();) {
        const QString value = QUrl::fromPercentEncoding(it.next().captured(1).toUtf8());
        if (!value.isEmpty() && value != QLatin1String("REDACTED"))
            return true;
    }
    return false;
}

} // namespace hookbench
