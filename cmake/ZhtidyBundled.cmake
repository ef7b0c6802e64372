# libxml2 and libzip for the package writers.
#
# Debian's shared libxml2 loads ICU and libstdc++, and its libzip loads
# OpenSSL's libcrypto; the package writers use none of that, yet the dynamic
# linker relocates all of it on every start: about 3 ms of a 7 ms run.  So
# the tools link libxml2 and libzip built here, statically, from Debian's
# own source tarballs, with only what the writers use (no ICU, compression
# codecs, crypto, HTTP, parsers' extras).  scripts/setup.sh fetches the
# tarballs listed in bundled-sources.txt into .deps/; their SHA-256 is
# checked there and here.
#
# ZHTIDY_DEPS: "auto" builds them when the tarballs are present and otherwise
# uses the system's shared libraries; "bundled" requires the tarballs;
# "system" never builds them.  The output is byte-identical either way.
set(ZHTIDY_DEPS auto CACHE STRING "libxml2 and libzip: auto, bundled or system")
set_property(CACHE ZHTIDY_DEPS PROPERTY STRINGS auto bundled system)
set(ZHTIDY_DEPS_DIR ${PROJECT_SOURCE_DIR}/.deps CACHE PATH
    "where scripts/setup.sh puts the libxml2 and libzip source tarballs")

# ZHTIDY_<NAME>_TARBALL and ZHTIDY_<NAME>_SHA256 from the list setup.sh reads
file(STRINGS ${CMAKE_CURRENT_LIST_DIR}/bundled-sources.txt source_lines REGEX "^[a-z]")
foreach(line ${source_lines})
  string(REGEX REPLACE " +" ";" fields "${line}")
  list(GET fields 0 name)
  list(GET fields 1 path)
  list(GET fields 2 sha)
  string(TOUPPER ${name} name)
  get_filename_component(ZHTIDY_${name}_TARBALL ${path} NAME)
  set(ZHTIDY_${name}_SHA256 ${sha})
endforeach()

set(have_tarballs FALSE)
if(EXISTS ${ZHTIDY_DEPS_DIR}/${ZHTIDY_LIBXML2_TARBALL}
   AND EXISTS ${ZHTIDY_DEPS_DIR}/${ZHTIDY_LIBZIP_TARBALL})
  set(have_tarballs TRUE)
endif()
if(ZHTIDY_DEPS STREQUAL "bundled" AND NOT have_tarballs)
  message(FATAL_ERROR "ZHTIDY_DEPS=bundled, but ${ZHTIDY_DEPS_DIR} lacks "
                      "${ZHTIDY_LIBXML2_TARBALL} or ${ZHTIDY_LIBZIP_TARBALL}: run scripts/setup.sh")
endif()

if(ZHTIDY_DEPS STREQUAL "system" OR NOT have_tarballs)
  zhtidy_require(LIBXML2 libxml-2.0 libxml2-dev)
  zhtidy_require(LIBZIP libzip libzip-dev)
  set(ZHTIDY_XML_TARGET PkgConfig::LIBXML2)
  set(ZHTIDY_ZIP_TARGET PkgConfig::LIBZIP)
  set(ZHTIDY_BUNDLED OFF)
  message(STATUS "libxml2 and libzip: the system's shared libraries (slower start-up; "
                 "scripts/setup.sh fetches the sources to build them here)")
  return()
endif()

include(ExternalProject)
zhtidy_require(ZLIB zlib zlib1g-dev)
set(ZHTIDY_BUNDLED ON)
set(dep_prefix ${PROJECT_BINARY_DIR}/deps)
set(dep_args
  -DCMAKE_INSTALL_PREFIX=${dep_prefix} -DCMAKE_INSTALL_LIBDIR=lib
  -DCMAKE_BUILD_TYPE=Release -DCMAKE_C_COMPILER=${CMAKE_C_COMPILER}
  -DCMAKE_POSITION_INDEPENDENT_CODE=ON -DBUILD_SHARED_LIBS=OFF
  # the hardening Debian builds its own packages with
  "-DCMAKE_C_FLAGS=-fstack-protector-strong -D_FORTIFY_SOURCE=2")
# zhtidy_bundle(NAME INCLUDE_DIR LINK_LIBRARIES CMAKE_ARG...): build libNAME.a
# from its tarball in ZHTIDY_DEPS_DIR, and the imported target zhtidy_libNAME
# that links it.
function(zhtidy_bundle name include_dir link_libs)
  string(TOUPPER ${name} key)
  ExternalProject_Add(zhtidy_lib${name}_build
    URL ${ZHTIDY_DEPS_DIR}/${ZHTIDY_LIB${key}_TARBALL}
    URL_HASH SHA256=${ZHTIDY_LIB${key}_SHA256}
    DOWNLOAD_EXTRACT_TIMESTAMP ON
    CMAKE_ARGS ${dep_args} ${ARGN}
    BUILD_BYPRODUCTS ${dep_prefix}/lib/lib${name}.a
    LOG_CONFIGURE ON LOG_BUILD ON LOG_INSTALL ON LOG_OUTPUT_ON_FAILURE ON)
  # an imported target's include directory must exist when configuring
  file(MAKE_DIRECTORY ${include_dir})
  add_library(zhtidy_lib${name} STATIC IMPORTED GLOBAL)
  set_target_properties(zhtidy_lib${name} PROPERTIES
    IMPORTED_LOCATION ${dep_prefix}/lib/lib${name}.a
    INTERFACE_INCLUDE_DIRECTORIES ${include_dir}
    INTERFACE_LINK_LIBRARIES "${link_libs}")
  add_dependencies(zhtidy_lib${name} zhtidy_lib${name}_build)
endfunction()

zhtidy_bundle(xml2 ${dep_prefix}/include/libxml2 "Threads::Threads;m"
  -DLIBXML2_WITH_OUTPUT=ON -DLIBXML2_WITH_WRITER=ON -DLIBXML2_WITH_TREE=ON
  -DLIBXML2_WITH_THREADS=ON -DLIBXML2_WITH_ICONV=ON
  -DLIBXML2_WITH_ICU=OFF -DLIBXML2_WITH_LZMA=OFF -DLIBXML2_WITH_ZLIB=OFF
  -DLIBXML2_WITH_HTTP=OFF -DLIBXML2_WITH_FTP=OFF -DLIBXML2_WITH_MODULES=OFF
  -DLIBXML2_WITH_PYTHON=OFF -DLIBXML2_WITH_PROGRAMS=OFF -DLIBXML2_WITH_TESTS=OFF
  -DLIBXML2_WITH_CATALOG=OFF -DLIBXML2_WITH_DOCB=OFF -DLIBXML2_WITH_HTML=OFF
  -DLIBXML2_WITH_SCHEMAS=OFF -DLIBXML2_WITH_SCHEMATRON=OFF -DLIBXML2_WITH_XINCLUDE=OFF
  -DLIBXML2_WITH_XPATH=OFF -DLIBXML2_WITH_XPTR=OFF -DLIBXML2_WITH_C14N=OFF
  -DLIBXML2_WITH_DEBUG=OFF -DLIBXML2_WITH_LEGACY=OFF -DLIBXML2_WITH_READER=OFF
  -DLIBXML2_WITH_PATTERN=OFF -DLIBXML2_WITH_REGEXPS=OFF -DLIBXML2_WITH_VALID=OFF)
zhtidy_bundle(zip ${dep_prefix}/include PkgConfig::ZLIB
  -DENABLE_OPENSSL=OFF -DENABLE_GNUTLS=OFF -DENABLE_MBEDTLS=OFF
  -DENABLE_COMMONCRYPTO=OFF -DENABLE_WINDOWS_CRYPTO=OFF
  -DENABLE_BZIP2=OFF -DENABLE_LZMA=OFF -DENABLE_ZSTD=OFF
  -DBUILD_TOOLS=OFF -DBUILD_REGRESS=OFF -DBUILD_EXAMPLES=OFF -DBUILD_DOC=OFF)
set(ZHTIDY_XML_TARGET zhtidy_libxml2)
set(ZHTIDY_ZIP_TARGET zhtidy_libzip)
message(STATUS "libxml2 and libzip: built here from ${ZHTIDY_DEPS_DIR}, linked statically")
