# SPDX-License-Identifier: MIT
# Dependencies: Debian's shared libraries, found through pkg-config.  A
# missing one stops configuring with the name of the Debian package that
# provides it.
find_package(PkgConfig)
if(NOT PKG_CONFIG_FOUND)
  message(FATAL_ERROR "pkg-config not found: install the Debian package 'pkg-config' "
                      "(or run scripts/setup.sh as root)")
endif()

function(zhtidy_require prefix module debian_package)
  pkg_check_modules(${prefix} QUIET IMPORTED_TARGET ${module})
  if(NOT ${prefix}_FOUND)
    message(FATAL_ERROR "${module} not found by pkg-config: install the Debian package "
                        "'${debian_package}' (or run scripts/setup.sh as root)")
  endif()
endfunction()

zhtidy_require(UTF8PROC libutf8proc libutf8proc-dev)
zhtidy_require(OPENCC opencc libopencc-dev)
zhtidy_require(LIBXML2 libxml-2.0 libxml2-dev)
zhtidy_require(LIBZIP libzip libzip-dev)
zhtidy_require(JSONC json-c libjson-c-dev)

# OpenCC is loaded with dlopen() the first time a conversion is asked for
# (lib/script.c), so the library compiles against its header and loads it by
# its SONAME, read here from the file pkg-config names.
set(ZHTIDY_OPENCC_SONAME "")
get_target_property(opencc_libs PkgConfig::OPENCC INTERFACE_LINK_LIBRARIES)
get_target_property(opencc_includes PkgConfig::OPENCC INTERFACE_INCLUDE_DIRECTORIES)
foreach(lib ${opencc_libs})
  if(lib MATCHES "opencc[^/]*$" AND EXISTS "${lib}" AND NOT ZHTIDY_OPENCC_SONAME)
    execute_process(COMMAND ${CMAKE_OBJDUMP} -p ${lib} OUTPUT_VARIABLE dump ERROR_QUIET)
    if(dump MATCHES "SONAME +([^ \n]+)")
      set(ZHTIDY_OPENCC_SONAME ${CMAKE_MATCH_1})
    endif()
  endif()
endforeach()
if(NOT ZHTIDY_OPENCC_SONAME)
  message(FATAL_ERROR "could not read the SONAME of OpenCC's library (${opencc_libs}); "
                      "is binutils installed?")
endif()
message(STATUS "OpenCC is loaded on first use as ${ZHTIDY_OPENCC_SONAME}")
add_library(zhtidy_opencc INTERFACE)
if(opencc_includes)
  target_include_directories(zhtidy_opencc INTERFACE ${opencc_includes})
endif()
target_compile_definitions(zhtidy_opencc INTERFACE "ZHTIDY_OPENCC_SONAME=\"${ZHTIDY_OPENCC_SONAME}\"")
target_link_libraries(zhtidy_opencc INTERFACE ${CMAKE_DL_LIBS})

# OpenCC's dictionaries and the opencc_dict tool that dumps them to text.
pkg_get_variable(OPENCC_PREFIX opencc prefix)
find_path(ZHTIDY_OPENCC_DATA STCharacters.ocd2
          HINTS ${OPENCC_PREFIX}/share/opencc /usr/share/opencc /usr/local/share/opencc)
find_program(ZHTIDY_OPENCC_DICT opencc_dict)
if(NOT ZHTIDY_OPENCC_DATA)
  message(FATAL_ERROR "OpenCC dictionaries (STCharacters.ocd2) not found: install the "
                      "Debian package 'libopencc-data'")
endif()
if(NOT ZHTIDY_OPENCC_DICT)
  message(FATAL_ERROR "opencc_dict not found: install the Debian package 'opencc'")
endif()
find_package(Threads REQUIRED)
