#include "endpointtransfer.h"

#include "endpoints/endpointdirectory.h"
#include "sentences.h"
#include "settings/settingsversionstore.h"

#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>

namespace hookbench {

namespace {

QString fileError(const QString &fileName, const QString &why)
{
    return EndpointTransfer::tr("%1: %2").arg(QDir::toNativeSeparators(fileName), why);
}

// The profiles stored for `names` (only the ones that are set), by endpoint name.
QString readProfiles(const QString &databasePath, const QList<Endpoint> &endpoints,
                     QHash<QString, AccountProfile> *profiles)
{
    SettingsVersionStore store;
    QString error = store.open(databasePath);
    for (const Endpoint &endpoint : endpoints) {
        if (!error.isEmpty())
            break;
        AccountProfile profile;
        error = store.profile(endpoint.name, &profile);
        if (error.isEmpty() && profile.isSet())
            profiles->insert(endpoint.name, profile);
    }
    store.close();
    return error;
}

} // namespace

QString EndpointTransfer::collect(EndpointDirectory *directory,
                                  EndpointConfiguration *configuration)
{
    configuration->endpoints = directory->endpoints();
    configuration->profiles.clear();
    QHash<QString, AccountProfile> profiles;
    const QString error =
        readProfiles(directory->databasePath(), configuration->endpoints, &profiles);
    for (const Endpoint &endpoint : std::as_const(configuration->endpoints)) {
        if (profiles.contains(endpoint.name))
            configuration->profiles.append(profiles.value(endpoint.name));
    }
    return error;
}

QString EndpointTransfer::exportTo(const QString &fileName, EndpointDirectory *directory)
{
    EndpointConfiguration configuration;
    const QString error = collect(directory, &configuration);
    if (!error.isEmpty())
        return error;
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly))
        return fileError(fileName, file.errorString());
    file.write(exportEndpointConfiguration(configuration));
    if (!file.commit())
        return fileError(fileName, file.errorString());
    return {};
}

QString EndpointTransfer::planImport(const QString &fileName, EndpointDirectory *directory,
                                     Plan *plan)
{
    *plan = Plan();
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly))
        return fileError(fileName, file.errorString());
    EndpointConfiguration incoming;
    const QString problem = importEndpointConfiguration(file.readAll(), &incoming);
    if (!problem.isEmpty())
        return fileError(fileName, problem);

    for (const Endpoint &endpoint : std::as_const(incoming.endpoints)) {
        const std::optional<Endpoint> existing = directory->endpoint(endpoint.name);
        if (!existing)
            plan->added.append(endpoint);
        else if (*existing != endpoint)
            plan->updated.append(endpoint);
        else
            plan->unchanged.append(endpoint);
    }
    QHash<QString, AccountProfile> current;
    const QString error = readProfiles(directory->databasePath(), incoming.endpoints, &current);
    if (!error.isEmpty())
        return error;
    for (const AccountProfile &profile : std::as_const(incoming.profiles)) {
        if (!current.contains(profile.endpoint) || current.value(profile.endpoint) != profile)
            plan->profiles.append(profile);
    }
    return {};
}

QString EndpointTransfer::describe(const Plan &plan)
{
    QStringList lines;
    for (const Endpoint &endpoint : plan.added)
        lines.append(tr("Add %1 at %2").arg(endpoint.name, endpoint.path));
    for (const Endpoint &endpoint : plan.updated)
        lines.append(tr("Update %1 (%2)").arg(endpoint.name, endpoint.path));
    for (const AccountProfile &profile : plan.profiles)
        lines.append(tr("Set the settings-file account of %1 to %2")
                         .arg(profile.endpoint, profile.accountId));
    if (!plan.unchanged.isEmpty()) {
        QStringList names;
        for (const Endpoint &endpoint : plan.unchanged)
            names.append(endpoint.name);
        lines.append(tr("Unchanged: %1").arg(names.join(QLatin1String(", "))));
    }
    return lines.join(QLatin1Char('\n'));
}

QStringList EndpointTransfer::apply(const Plan &plan, EndpointDirectory *directory)
{
    QStringList failures;
    QStringList failed;
    for (const Endpoint &endpoint : plan.updated) {
        if (const QString error = directory->update(endpoint); !error.isEmpty()) {
            failures.append(tr("%1: %2").arg(endpoint.name, error));
            failed.append(endpoint.name);
        }
    }
    for (const Endpoint &endpoint : plan.added) {
        if (const QString error = directory->add(endpoint); !error.isEmpty()) {
            failures.append(tr("%1: %2").arg(endpoint.name, error));
            failed.append(endpoint.name);
        }
    }
    if (plan.profiles.isEmpty())
        return failures;
    SettingsVersionStore store;
    const QString error = store.open(directory->databasePath());
    for (const AccountProfile &profile : plan.profiles) {
        if (failed.contains(profile.endpoint))
            continue; // its endpoint is not there: the failure above says why
        const QString saved = error.isEmpty() ? store.saveProfile(profile) : error;
        if (!saved.isEmpty())
            failures.append(tr("%1, settings-file account: %2").arg(profile.endpoint, saved));
    }
    return failures;
}

void EndpointTransfer::exportInteractively(QWidget *parent, EndpointDirectory *directory)
{
    const QString fileName = QFileDialog::getSaveFileName(
        parent, tr("Export Endpoint Configuration"),
        QDir::home().filePath(QStringLiteral("hookbench-endpoints.json")),
        tr("JSON files (*.json);;All files (*)"));
    if (fileName.isEmpty())
        return;
    const QString error = exportTo(fileName, directory);
    if (!error.isEmpty()) {
        QMessageBox::warning(parent, tr("Export Endpoint Configuration"),
                             tr("The configuration was not exported.") + QLatin1Char('\n') +
                                 asSentence(error));
        return;
    }
    QMessageBox::information(
        parent, tr("Export Endpoint Configuration"),
        tr("Exported the endpoints to %1.").arg(QDir::toNativeSeparators(fileName)) +
            QLatin1Char('\n') +
            tr("Webhook keys and SDK keys are not in the file: each member of the team sets "
               "their own."));
}

void EndpointTransfer::importInteractively(QWidget *parent, EndpointDirectory *directory)
{
    const QString fileName =
        QFileDialog::getOpenFileName(parent, tr("Import Endpoint Configuration"), QDir::homePath(),
                                     tr("JSON files (*.json);;All files (*)"));
    if (fileName.isEmpty())
        return;
    Plan plan;
    const QString error = planImport(fileName, directory, &plan);
    if (!error.isEmpty()) {
        QMessageBox::warning(parent, tr("Import Endpoint Configuration"),
                             tr("Nothing was imported.") + QLatin1Char('\n') + asSentence(error));
        return;
    }
    if (plan.isEmpty()) {
        QMessageBox::information(
            parent, tr("Import Endpoint Configuration"),
            tr("The endpoints are already set up as in %1.").arg(QFileInfo(fileName).fileName()));
        return;
    }
    QMessageBox confirm(QMessageBox::Question, tr("Import Endpoint Configuration"),
                        tr("Import %1? It changes:").arg(QFileInfo(fileName).fileName()) +
                            QLatin1Char('\n') + describe(plan),
                        QMessageBox::Cancel, parent);
    confirm.setObjectName(QStringLiteral("importConfirmation"));
    QPushButton *import = confirm.addButton(tr("&Import"), QMessageBox::AcceptRole);
    import->setObjectName(QStringLiteral("importButton"));
    confirm.setDefaultButton(QMessageBox::Cancel);
    confirm.exec();
    if (confirm.clickedButton() != import)
        return;
    const QStringList failures = apply(plan, directory);
    if (!failures.isEmpty())
        QMessageBox::warning(parent, tr("Import Endpoint Configuration"),
                             tr("Some of the configuration was not imported:") + QLatin1Char('\n') +
                                 failures.join(QLatin1Char('\n')));
}

} // namespace hookbench
