# The Debian package: `cpack -G DEB` in the build directory (see README, "Install").
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME hookbench)
set(CPACK_PACKAGE_VENDOR "Hookbench developers")
set(CPACK_PACKAGE_CONTACT "Hookbench developers <hookbench@example.invalid>")
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "Desktop workbench for VWO FullStack webhooks
Hookbench receives VWO FullStack webhooks on the desktop and shows every request,
keeps the webhook keys in the keychain, fetches and versions the account's settings
file after every valid webhook, diffs any two versions and sends test webhooks.
hookbench-cli offers the same core to servers, scripts and CI.")
# Linked libraries come from dpkg-shlibdeps; these are loaded at run time, so it cannot see them:
# the SQLite driver of the event store and libsecret (QtKeychain dlopens it).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, libsecret-1-0")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-qpa-plugins, qt6-translations-l10n")
include(CPack)
