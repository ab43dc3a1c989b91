#pragma once

#include "endpoints/endpoint.h"

#include <QDialog>
#include <QUrl>

#include <functional>
#include <memory>

class QLabel;
class QToolButton;

namespace hookbench {

namespace Ui {
class EndpointDialog;
}

// New Endpoint… and Edit Endpoint… (ui/endpointdialog.ui): name (only when creating), path,
// own port, colour, response override and forwarding. Each field's problem (the core's words:
// Endpoint::check(), endpointrules) shows right under it as the user types, and OK stays
// disabled until there is none. OK hands the endpoint to the submit function (the window's
// EndpointDirectory::add/update); when that fails the dialog stays open with everything typed
// and says why.
class EndpointDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Mode { Create, Edit };
    using Submit = std::function<QString(const Endpoint &endpoint)>; // empty string: saved

    explicit EndpointDialog(Mode mode, QWidget *parent = nullptr);
    ~EndpointDialog() override;

    Mode mode() const { return m_mode; }
    // Create: the starting values (the name may be empty). Edit: the endpoint to change.
    void setEndpoint(const Endpoint &endpoint);
    Endpoint endpoint() const; // as edited
    // Every endpoint besides this one: names must differ, (port, path) must not clash. When
    // creating, the first palette colour none of them uses is offered.
    void setOtherEndpoints(const QList<Endpoint> &others);
    // The receiver's URL (scheme, host and port), for the URL line; invalid when not running.
    void setReceiverUrl(const QUrl &url);
    void setSubmit(Submit submit);

    bool isInputValid() const { return m_problems.isEmpty(); }
    QStringList problems() const { return m_problems; } // one per bad field

public Q_SLOTS:
    void submit(); // as OK

protected:
    void showEvent(QShowEvent *event) override;

private:
    void validate();
    void showFieldError(QLabel *label, QWidget *field, const QString &error, bool visible = true);
    void nameEdited(const QString &name);
    void setColour(const QString &colour);
    void pickColour();
    void updateSwatches();
    void updateUrl();
    QString suggestedColour() const;

    std::unique_ptr<Ui::EndpointDialog> m_ui;
    Mode m_mode;
    Endpoint m_original;
    QList<Endpoint> m_others;
    QUrl m_receiverUrl;
    Submit m_submit;
    QStringList m_problems;
    QList<QToolButton *> m_swatches;
    bool m_pathFollowsName = true; // until the path is edited by hand
    bool m_nameTouched = false;
    bool m_sized = false;
};

} // namespace hookbench
