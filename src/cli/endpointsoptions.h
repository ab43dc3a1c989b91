#pragma once

#include "endpoints/endpoint.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QList>

namespace hookbench::cli {

class EndpointsSession;

// What an endpoint looks like on the command line, shared by `endpoints add` and `endpoints
// set`: --path, --port, --colour, --respond-*, --forward*. `set` changes only what is given
// and has --no-respond and --no-forward to clear.
class EndpointOptions
{
public:
    enum class Verb { Add, Set };
    explicit EndpointOptions(Verb verb);

    void addTo(EndpointsSession &session) const;
    bool anyGiven(const QCommandLineParser &parser) const;
    // Applies what is given to *endpoint; empty, or the usage error naming the option.
    QString apply(const QCommandLineParser &parser, Endpoint *endpoint) const;
    const QCommandLineOption &path() const { return m_path; }
    const QCommandLineOption &colour() const { return m_colour; }

private:
    QString applyResponse(const QCommandLineParser &parser, ResponseOverride *response) const;
    QString applyForward(const QCommandLineParser &parser, ForwardTarget *forward) const;
    QList<const QCommandLineOption *> all() const;

    Verb m_verb;
    QCommandLineOption m_path;
    QCommandLineOption m_port;
    QCommandLineOption m_colour;
    QCommandLineOption m_respondStatus;
    QCommandLineOption m_respondBody;
    QCommandLineOption m_respondDelay;
    QCommandLineOption m_noRespond;
    QCommandLineOption m_forward;
    QCommandLineOption m_forwardFollow;
    QCommandLineOption m_noForwardFollow;
    QCommandLineOption m_forwardTimeout;
    QCommandLineOption m_noForward;
};

// One line about how the endpoint answers: "normal 200", "answers 503 after 2000 ms",
// "forwards to http://localhost:3000/hook (VWO gets its answer)", … joined with "; ".
QString behaviourText(const Endpoint &endpoint);

} // namespace hookbench::cli
