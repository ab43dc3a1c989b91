#pragma once

#include "endpoints/endpointconfig.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

class QWidget;

namespace hookbench {

class EndpointDirectory;

// Endpoint > Export Configuration… and Import Configuration…: a team's endpoints and their
// account profiles as one JSON file (endpointconfig.h; never a secret). Import reads the whole
// file first, shows what it will add and update, and applies only once the user agreed.
class EndpointTransfer
{
    Q_DECLARE_TR_FUNCTIONS(EndpointTransfer)
public:
    // What an import would change.
    struct Plan
    {
        QList<Endpoint> added;
        QList<Endpoint> updated; // new settings of existing endpoints
        QList<Endpoint> unchanged;
        QList<AccountProfile> profiles; // new or changed profiles only
        bool isEmpty() const { return added.isEmpty() && updated.isEmpty() && profiles.isEmpty(); }
    };

    // The directory's endpoints and the profiles that are set. Empty string on success.
    static QString collect(EndpointDirectory *directory, EndpointConfiguration *configuration);
    static QString exportTo(const QString &fileName, EndpointDirectory *directory);
    // Reads and checks the file, and compares it with the directory. Errors name the file and
    // the place ("endpoints[1].path: …", "line 3, column 7: …").
    static QString planImport(const QString &fileName, EndpointDirectory *directory, Plan *plan);
    static QString describe(const Plan &plan); // one line per change, for the confirmation
    // Applies the plan: updates, then additions, then profiles. The failures, one per line.
    static QStringList apply(const Plan &plan, EndpointDirectory *directory);

    // The same with file dialogs and message boxes, for the menu.
    static void exportInteractively(QWidget *parent, EndpointDirectory *directory);
    static void importInteractively(QWidget *parent, EndpointDirectory *directory);
};

} // namespace hookbench
