#include "endpointsoptions.h"

#include "clihelpers.h"
#include "endpointssession.h"

#include <QRegularExpression>

namespace hookbench::cli {

namespace {

constexpr qint64 MaxDelayMs = 3600000; // as listen --respond-delay-ms
constexpr qint64 MinForwardTimeoutMs = 100;
constexpr qint64 MaxForwardTimeoutMs = 600000;

QString both(const char *a, const char *b)
{
    return QStringLiteral("--%1 and --%2 cannot be combined; give one")
        .arg(QLatin1String(a), QLatin1String(b));
}

} // namespace

EndpointOptions::EndpointOptions(Verb verb)
    : m_verb(verb)
    , m_path(QStringLiteral("path"),
             QStringLiteral("URL path VWO posts to, e.g. /vwo/staging (starts with '/', no "
                            "query, no spaces)."),
             QStringLiteral("PATH"))
    , m_port(QStringLiteral("port"),
             QStringLiteral("Serve on a port of its own (1-65535); 0: on the receiver's port "
                            "(default)."),
             QStringLiteral("N"))
    , m_colour(QStringLiteral("colour"),
               QStringLiteral("Colour in the window, #rrggbb; empty: picked from the name "
                              "(default: the next colour of the palette)."),
               QStringLiteral("#RRGGBB"))
    , m_respondStatus(QStringLiteral("respond-status"),
                      QStringLiteral("Answer with this status (100-599) instead of 200, to play "
                                     "a failing receiver."),
                      QStringLiteral("CODE"))
    , m_respondBody(QStringLiteral("respond-body"), QStringLiteral("Body of the answer."),
                    QStringLiteral("TEXT"))
    , m_respondDelay(QStringLiteral("respond-delay-ms"),
                     QStringLiteral("Wait this long before answering (0-3600000), to play a "
                                    "slow receiver."),
                     QStringLiteral("MS"))
    , m_noRespond(QStringLiteral("no-respond"),
                  QStringLiteral("Answer normally again (clears --respond-*)."))
    , m_forward(QStringLiteral("forward"),
                QStringLiteral("Pass each webhook on to this http(s) URL, e.g. your app on "
                               "localhost."),
                QStringLiteral("URL"))
    , m_forwardFollow(QStringLiteral("forward-follow"),
                      QStringLiteral("VWO gets the forward target's answer (502 when it cannot "
                                     "be reached) instead of ours."))
    , m_noForwardFollow(QStringLiteral("no-forward-follow"),
                        QStringLiteral("VWO gets our own answer at once; the forward target's "
                                       "is only recorded."))
    , m_forwardTimeout(QStringLiteral("forward-timeout-ms"),
                       QStringLiteral("How long to wait for the forward target (100-600000, "
                                      "default 10000)."),
                       QStringLiteral("MS"))
    , m_noForward(QStringLiteral("no-forward"), QStringLiteral("Stop forwarding."))
{}

QList<const QCommandLineOption *> EndpointOptions::all() const
{
    QList<const QCommandLineOption *> options{
        &m_path,         &m_port,    &m_colour,        &m_respondStatus, &m_respondBody,
        &m_respondDelay, &m_forward, &m_forwardFollow, &m_forwardTimeout};
    if (m_verb == Verb::Set)
        options << &m_noRespond << &m_noForward << &m_noForwardFollow;
    return options;
}

void EndpointOptions::addTo(EndpointsSession &session) const
{
    for (const QCommandLineOption *option : all())
        session.addOption(*option);
}

bool EndpointOptions::anyGiven(const QCommandLineParser &parser) const
{
    for (const QCommandLineOption *option : all()) {
        if (parser.isSet(*option))
            return true;
    }
    return false;
}

QString EndpointOptions::apply(const QCommandLineParser &parser, Endpoint *endpoint) const
{
    QString error;
    if (parser.isSet(m_path)) {
        const QString problem = endpointrules::checkPath(parser.value(m_path));
        if (!problem.isEmpty())
            return QStringLiteral("--path: ") + problem;
        endpoint->path = parser.value(m_path);
    }
    if (parser.isSet(m_port)) {
        const auto port = parseInteger(QStringLiteral("--port"), parser.value(m_port), 0, 65535,
                                       QStringLiteral("a port number (0-65535)"), &error);
        if (!port)
            return error;
        endpoint->port = quint16(*port);
    }
    if (parser.isSet(m_colour)) {
        static const QRegularExpression hexColour(QStringLiteral("^#[0-9a-fA-F]{6}$"));
        const QString colour = parser.value(m_colour).trimmed();
        if (!colour.isEmpty() && !hexColour.match(colour).hasMatch())
            return QStringLiteral("--colour: '%1' is not of the form #rrggbb").arg(colour);
        endpoint->colour = colour.toLower();
    }
    error = applyResponse(parser, &endpoint->response);
    if (error.isEmpty())
        error = applyForward(parser, &endpoint->forward);
    if (error.isEmpty())
        error = endpoint->check(); // what is left, e.g. a body over 64 KiB
    return error;
}

QString EndpointOptions::applyResponse(const QCommandLineParser &parser,
                                       ResponseOverride *response) const
{
    const bool clear = m_verb == Verb::Set && parser.isSet(m_noRespond);
    if (clear) {
        for (const auto &[option, name] : {std::pair{&m_respondStatus, "respond-status"},
                                           std::pair{&m_respondBody, "respond-body"},
                                           std::pair{&m_respondDelay, "respond-delay-ms"}}) {
            if (parser.isSet(*option))
                return both("no-respond", name);
        }
        *response = ResponseOverride();
        return {};
    }
    QString error;
    if (parser.isSet(m_respondStatus)) {
        const auto status =
            parseInteger(QStringLiteral("--respond-status"), parser.value(m_respondStatus), 100,
                         599, QStringLiteral("an HTTP status (100-599)"), &error);
        if (!status)
            return error;
        response->status = int(*status);
    }
    if (parser.isSet(m_respondDelay)) {
        const auto delay = parseInteger(
            QStringLiteral("--respond-delay-ms"), parser.value(m_respondDelay), 0, MaxDelayMs,
            QStringLiteral("a number of milliseconds (0-3600000)"), &error);
        if (!delay)
            return error;
        response->delayMs = int(*delay);
    }
    if (parser.isSet(m_respondBody))
        response->body = parser.value(m_respondBody).toUtf8();
    return {};
}

QString EndpointOptions::applyForward(const QCommandLineParser &parser,
                                      ForwardTarget *forward) const
{
    const bool set = m_verb == Verb::Set;
    if (set && parser.isSet(m_noForward)) {
        for (const auto &[option, name] :
             {std::pair{&m_forward, "forward"}, std::pair{&m_forwardFollow, "forward-follow"},
              std::pair{&m_noForwardFollow, "no-forward-follow"},
              std::pair{&m_forwardTimeout, "forward-timeout-ms"}}) {
            if (parser.isSet(*option))
                return both("no-forward", name);
        }
        *forward = ForwardTarget();
        return {};
    }
    if (set && parser.isSet(m_forwardFollow) && parser.isSet(m_noForwardFollow))
        return both("forward-follow", "no-forward-follow");
    if (parser.isSet(m_forward)) {
        const QString text = parser.value(m_forward).trimmed();
        if (text.isEmpty())
            return set ? QStringLiteral("--forward: empty URL (to stop forwarding, give "
                                        "--no-forward)")
                       : QStringLiteral("--forward: empty URL");
        forward->url = QUrl(text, QUrl::StrictMode);
        const QString problem = forward->check();
        if (!problem.isEmpty())
            return QStringLiteral("--forward: ") + problem;
    }
    if (parser.isSet(m_forwardTimeout)) {
        QString error;
        const auto timeout =
            parseInteger(QStringLiteral("--forward-timeout-ms"), parser.value(m_forwardTimeout),
                         MinForwardTimeoutMs, MaxForwardTimeoutMs,
                         QStringLiteral("a number of milliseconds (100-600000)"), &error);
        if (!timeout)
            return error;
        forward->timeoutMs = int(*timeout);
    }
    if (parser.isSet(m_forwardFollow))
        forward->followAnswer = true;
    if (set && parser.isSet(m_noForwardFollow))
        forward->followAnswer = false;
    // Settings for a forward target that does not exist would be dropped silently.
    if (!forward->isSet()) {
        for (const auto &[option, name] : {std::pair{&m_forwardFollow, "forward-follow"},
                                           std::pair{&m_noForwardFollow, "no-forward-follow"},
                                           std::pair{&m_forwardTimeout, "forward-timeout-ms"}}) {
            if ((set || option != &m_noForwardFollow) && parser.isSet(*option))
                return QStringLiteral("--%1 needs a forward target: give --forward URL")
                    .arg(QLatin1String(name));
        }
    }
    return {};
}

QString behaviourText(const Endpoint &endpoint)
{
    QStringList parts;
    const ResponseOverride &response = endpoint.response;
    if (response.status > 0)
        parts.append(QStringLiteral("answers %1").arg(response.status));
    if (!response.body.isEmpty())
        parts.append(QStringLiteral("with a %1-byte body").arg(response.body.size()));
    if (response.delayMs > 0)
        parts.append(QStringLiteral("after %1 ms").arg(response.delayMs));
    QString text = parts.join(QLatin1Char(' '));
    if (endpoint.forward.isSet()) {
        if (!text.isEmpty())
            text += QLatin1String("; ");
        text += QStringLiteral("forwards to %1 (%2)")
                    .arg(endpoint.forward.url.toDisplayString(),
                         endpoint.forward.followAnswer ? QStringLiteral("VWO gets its answer")
                                                       : QStringLiteral("VWO gets ours"));
    }
    return text.isEmpty() ? QStringLiteral("normal") : text;
}

} // namespace hookbench::cli
