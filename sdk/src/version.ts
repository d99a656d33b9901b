/** The SDK's version, sent as `library: "reel-sdk/<version>"`; a unit test keeps it equal to package.json's. */
export const SDK_VERSION = "0.1.0";
export const LIBRARY_NAME = `reel-sdk/${SDK_VERSION}`;
