# Fails when a .ts file has untranslated strings (issue 9: German is complete), naming each.
# Usage: cmake -DTS_FILE=translations/hookbench_de.ts [-DLUPDATE=lupdate
#          -DPROJECT_IN=<build>/src/app/.lupdate/hookbench_project.cmake
#          -DPROJECT_GENERATOR=<Qt6LinguistTools>/GenerateLUpdateProject.cmake -DWORK_DIR=DIR]
#        -P check-translations.cmake
# With LUPDATE, a copy of the .ts is first brought up to date with the sources, so that a tr()
# string added without running the hookbench_lupdate target counts as untranslated too.
if(NOT TS_FILE)
  message(FATAL_ERROR "check-translations: pass -DTS_FILE=<file.ts>")
endif()
if(NOT EXISTS "${TS_FILE}")
  message(FATAL_ERROR "check-translations: ${TS_FILE} does not exist")
endif()
set(shown_file "${TS_FILE}")
if(LUPDATE)
  file(MAKE_DIRECTORY "${WORK_DIR}")
  execute_process(COMMAND "${CMAKE_COMMAND}" -DIN_FILE=${PROJECT_IN}
                          -DOUT_FILE=${WORK_DIR}/project.json -P ${PROJECT_GENERATOR}
                  RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "check-translations: cannot generate the lupdate project from ${PROJECT_IN}")
  endif()
  get_filename_component(ts_name "${TS_FILE}" NAME)
  configure_file("${TS_FILE}" "${WORK_DIR}/${ts_name}" COPYONLY)
  execute_process(COMMAND "${LUPDATE}" -project ${WORK_DIR}/project.json -no-obsolete
                          -locations none -silent -ts ${WORK_DIR}/${ts_name}
                  RESULT_VARIABLE status ERROR_VARIABLE lupdate_errors)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "check-translations: lupdate failed: ${lupdate_errors}")
  endif()
  set(TS_FILE "${WORK_DIR}/${ts_name}")
endif()
# Line by line (CMake's regexes have no lazy match): remember the last location and source,
# report them when the translation is unfinished or empty.
file(STRINGS "${TS_FILE}" lines)
set(total 0)
set(unfinished 0)
set(context "")
set(source "")
foreach(line IN LISTS lines)
  if(line MATCHES "<name>(.*)</name>")
    set(context "${CMAKE_MATCH_1}")
  elseif(line MATCHES "<source>(.*)")
    string(REGEX REPLACE "</source>.*" "" source "${CMAKE_MATCH_1}")
  elseif(line MATCHES "<translation")
    math(EXPR total "${total} + 1")
    if(line MATCHES "type=\"(unfinished|vanished|obsolete)\"" OR line MATCHES "<translation></translation>")
      math(EXPR unfinished "${unfinished} + 1")
      message("${shown_file}: not translated: \"${source}\" (context ${context})")
    endif()
  endif()
endforeach()
if(total EQUAL 0)
  message(FATAL_ERROR "check-translations: ${shown_file} has no messages")
endif()
if(unfinished GREATER 0)
  message(FATAL_ERROR "check-translations: ${unfinished} of ${total} messages in ${shown_file} "
                      "are not translated; build the hookbench_lupdate target and translate them")
endif()
message(STATUS "check-translations: all ${total} messages in ${shown_file} are translated")
